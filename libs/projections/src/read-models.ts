import { accessLogProjection } from './access-log/access-log.projection';
import { caseTimelineProjection } from './case-timeline/case-timeline.projection';
import { caseloadProjection } from './caseload/caseload.projection';
import { directoryProjection } from './directory/directory.projection';
import { inspectorQueueProjection } from './inspector-queue/inspector-queue.projection';
import { obligationsProjection } from './obligations/obligations.projection';
import { personnelFileProjection } from './personnel-file/personnel-file.projection';
import { consentsProjection } from './consents/consents.projection';
import { privacyRegisterProjection } from './privacy-register/privacy-register.projection';
import { pupilFileProjection } from './pupil-file/pupil-file.projection';
import type { AnyProjection } from './runtime/projection';

/** The six read models of the domain spec; the privacy register retention reads and the consent registers (issue #7); the caseload (issue #17); the directory (issue #18). */
export const READ_MODELS: readonly AnyProjection[] = [
  pupilFileProjection,
  personnelFileProjection,
  inspectorQueueProjection,
  caseTimelineProjection,
  obligationsProjection,
  accessLogProjection,
  privacyRegisterProjection,
  consentsProjection,
  caseloadProjection,
  directoryProjection,
];
