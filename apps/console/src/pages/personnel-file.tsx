import { get } from '../api/client';
import { type FileLine, FileLines } from '../components/file-lines';
import { PersonSearch } from '../components/person-search';
import { useI18n } from '../i18n/i18n';
import { Problem } from '../problem';
import { navigateState, useLocation } from '../routing';
import { useLoad } from '../use-load';
import { directorySearch } from './pupil-file';

interface PersonnelFile {
  readonly staffId: string;
  readonly cases: readonly FileLine[];
  readonly qualifications: readonly FileLine[];
  readonly disciplinaryMeasures: readonly FileLine[];
  readonly correspondence: readonly FileLine[];
  readonly managerConsultations: readonly FileLine[];
  readonly inspectorReports: readonly FileLine[];
}

/**
 * The personnel file (HR, board, legal; S-rules): a staff member's cases, qualifications, disciplinary measures,
 * correspondence, consultations and the inspector's reports. Chosen here, kept out of the address; every read logged.
 */
export function PersonnelFilePage() {
  const { t } = useI18n();
  const { state } = useLocation();
  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{state?.name ? t('staff.titleOf', { name: state.name }) : t('staff.title')}</h1>
      <PersonSearch label="staff.find" search={directorySearch('staff')} onPick={(person) => navigateState({ staffId: person.personId, name: person.name })} />
      {state?.staffId && <PersonnelFileView key={state.staffId} staffId={state.staffId} />}
    </section>
  );
}

function PersonnelFileView({ staffId }: { staffId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoad('personnel-file', () => get<PersonnelFile>(`/staff/${encodeURIComponent(staffId)}/personnel-file`), [staffId]);
  if (error) return <Problem error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  return (
    <>
      <FileLines title={t('staff.cases')} lines={data.cases} />
      <FileLines title={t('staff.qualifications')} lines={data.qualifications} />
      <FileLines title={t('staff.measures')} lines={data.disciplinaryMeasures} />
      <FileLines title={t('staff.inspector')} lines={data.inspectorReports} />
      <FileLines title={t('staff.consultations')} lines={data.managerConsultations} />
      <FileLines title={t('staff.correspondence')} lines={data.correspondence} />
    </>
  );
}
