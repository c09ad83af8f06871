import type { School } from './api/types';
import { useI18n } from './i18n/i18n';
import { hasRole, useMe } from './me';
import { allSchools } from './schools';
import { useLoad } from './use-load';

/** The schools the caller acts for: a teacher's or director's own, every school for the board and legal. */
export function useMySchools(): { data: School[] | undefined; error: unknown } {
  const me = useMe();
  const { data, error } = useLoad(
    'school-choice',
    async () => {
      const schools = await allSchools();
      return hasRole(me, 'board', 'legal') ? schools : schools.filter((school) => me.schools.includes(school.schoolId));
    },
    [me],
  );
  return { data, error };
}

export function SchoolChoice({ schools, value, onChange }: { schools: readonly School[]; value: string; onChange: (schoolId: string) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('field.schoolId')}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {schools.map((school) => (
          <option key={school.schoolId} value={school.schoolId}>
            {school.name}
          </option>
        ))}
      </select>
    </label>
  );
}
