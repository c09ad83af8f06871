import type { Actor, CommandOutcome, Issued, WriteSide } from '@casebook/incidents';

/** A demo board (issue #18): three schools, their staff, pupils and parents, and cases in every state. Ids start `demo-`. */
export const DEMO_SCHOOLS = [
  { schoolId: 'demo-regenboog', brin: '12AB', name: 'De Regenboog', holidayRegion: 'midden', schoolDayEndsAt: '15:00' },
  { schoolId: 'demo-kompas', brin: '34CD', name: 'Het Kompas', holidayRegion: 'noord', schoolDayEndsAt: '14:30' },
  { schoolId: 'demo-vlinder', brin: '56EF', name: 'De Vlinder', holidayRegion: 'zuid', schoolDayEndsAt: '15:15' },
] as const;
const FIRST = [
  'Daan',
  'Emma',
  'Finn',
  'Julia',
  'Sem',
  'Tess',
  'Noah',
  'Saar',
  'Liam',
  'Mila',
  'Lucas',
  'Zoë',
  'Levi',
  'Nora',
  'Milan',
  'Evi',
  'Jesse',
  'Lotte',
  'Mees',
  'Fenna',
  'Bram',
  'Sophie',
  'Thijs',
  'Anna',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
];
const PUPILS_PER_SCHOOL = 24;

export const DEMO_PEOPLE = {
  board: { id: 'demo-board', role: 'board', schools: [] } as Actor,
  hr: { id: 'demo-hr', role: 'hr', schools: [] } as Actor,
  legal: { id: 'demo-legal', role: 'legal', schools: [] } as Actor,
  director: (s: number): Actor => ({ id: `demo-dir-${s + 1}`, role: 'director', schools: [DEMO_SCHOOLS[s]!.schoolId] }),
  teacher: (s: number): Actor => ({ id: `demo-teacher-${s + 1}`, role: 'teacher', schools: [DEMO_SCHOOLS[s]!.schoolId] }),
};

const pupilId = (s: number, i: number) => `demo-pupil-${s + 1}-${i + 1}`;
/**
 * The demo's n-th person's name: first and last name from the lists, never one another demo person has (#33: two
 * pupils shared their names with staff, which a director picking by name cannot tell apart). The same n always gets
 * the same name within a run, as cases name the people the directory lists.
 */
const names = new Map<number, string>();
const taken = new Set<string>(['Carla Bakker', 'Henk Vos', 'Lieke Peters']);
const nameOf = (n: number): string => {
  const known = names.get(n);
  if (known) return known;
  // k walks every pair of first and last name once (k = 0 is the pair the demo has always given n).
  for (let k = 0; k < FIRST.length * LAST.length; k++) {
    const name = `${FIRST[(n + k) % FIRST.length]} ${LAST[(n * 7 + Math.floor(k / FIRST.length)) % LAST.length]}`;
    if (!taken.has(name)) {
      taken.add(name);
      names.set(n, name);
      return name;
    }
  }
  throw new Error('The demo board has more people than names');
};
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The four CSV files of the demo administration, as an export would write them. */
export function demoFiles(today: Date): Record<'schools' | 'staff' | 'pupils' | 'parents', string> {
  const schools = [
    'schoolId,brin,name,holidayRegion,schoolDayEndsAt',
    ...DEMO_SCHOOLS.map((s) => `${s.schoolId},${s.brin},${s.name},${s.holidayRegion},${s.schoolDayEndsAt}`),
  ];
  const staff = [
    'personId,name,email,roles,startedOn',
    'demo-board,Carla Bakker,c.bakker@demo.example,board,2018-01-01',
    'demo-hr,Henk Vos,h.vos@demo.example,hr,2019-03-01',
    'demo-legal,Lieke Peters,l.peters@demo.example,legal,2020-09-01',
  ];
  const pupils = ['personId,name,dateOfBirth,schoolId,group,enrolledOn'];
  const parents = ['personId,name,email,phone,authorityOver'];
  DEMO_SCHOOLS.forEach((school, s) => {
    staff.push(`demo-dir-${s + 1},${nameOf(100 + s)},directie@${school.schoolId}.example,director@${school.schoolId},2017-08-01`);
    staff.push(`demo-teacher-${s + 1},${nameOf(200 + s)},leerkracht@${school.schoolId}.example,teacher@${school.schoolId},2021-08-01`);
    for (let i = 0; i < PUPILS_PER_SCHOOL; i++) {
      const group = 1 + (i % 8);
      const born = new Date(Date.UTC(today.getUTCFullYear() - 4 - group, (i * 5) % 12, 1 + ((i * 3) % 27)));
      pupils.push(
        `${pupilId(s, i)},${nameOf(s * PUPILS_PER_SCHOOL + i)},${day(born)},${school.schoolId},groep ${group},${today.getUTCFullYear() - group}-08-20`,
      );
      parents.push(
        `demo-parent-${s + 1}-${i + 1},${nameOf(1000 + s * PUPILS_PER_SCHOOL + i)},ouder${s + 1}${i + 1}@demo.example,06-1234${String(s * 100 + i).padStart(4, '0')},${pupilId(s, i)}`,
      );
    }
  });
  return { schools: schools.join('\n'), staff: staff.join('\n'), pupils: pupils.join('\n'), parents: parents.join('\n') };
}

function accepted(outcome: CommandOutcome, what: string): string {
  if (outcome.outcome !== 'accepted') throw new Error(`demo seed: ${what}: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

/** Cases in every state, per school: waiting for a scope assessment, handled and closed, a suspension, phones, and more. */
export async function seedDemoCases(writeSide: WriteSide, now: Date, correlationId: string): Promise<number> {
  const at = (actor: Actor): Issued => ({ context: { actor, now: now.toISOString() }, meta: { correlationId, causationId: null } });
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  // A Monday and Tuesday last week: school days whatever weekday the seed runs.
  const monday = new Date(now.getTime() - (((now.getUTCDay() + 6) % 7) + 7) * 86_400_000);
  let cases = 0;
  const report = async (
    actor: Actor,
    s: number,
    category: string,
    pupils: number[],
    summary: string,
    occurred: number,
    kind: 'pupil-incident' | 'staff-misconduct' = 'pupil-incident',
    staffId?: string,
  ) => {
    const involved = staffId
      ? [{ personId: staffId, personKind: 'staff' as const, role: 'perpetrator' as const, displayName: nameOf(200 + s) }]
      : pupils.map((i, n) => ({
          personId: pupilId(s, i),
          personKind: 'pupil' as const,
          role: n === 0 ? ('perpetrator' as const) : ('victim' as const),
          displayName: nameOf(s * PUPILS_PER_SCHOOL + i),
        }));
    cases++;
    return accepted(
      await writeSide.cases.report({ type: kind, schoolId: DEMO_SCHOOLS[s]!.schoolId, category, occurredAt: daysAgo(occurred), summary, involved }, at(actor)),
      'report',
    );
  };
  for (let s = 0; s < DEMO_SCHOOLS.length; s++) {
    const director = DEMO_PEOPLE.director(s);
    const teacher = DEMO_PEOPLE.teacher(s);
    for (let round = 0; round < 2; round++) {
      const p = round * 10;
      // Reported by a teacher, waiting for the director's scope assessment.
      await report(teacher, s, 'cyberbullying', [p, p + 1], 'Kwetsende berichten in de groepsapp van de klas', 1);
      // Handled and closed: a warning, the parents phoned.
      const closed = await report(director, s, 'offensive-content', [p + 2], 'Ongepaste afbeelding gedeeld via de schoolmail', 20);
      accepted(await writeSide.cases.assessScope(closed, { inScope: true, rationale: 'Gebeurd met de schoolmail' }, at(director)), 'assessScope');
      const warning = accepted(
        await writeSide.measures.impose(closed, { subjectId: pupilId(s, p + 2), measure: 'warning', reason: 'Afbeelding gedeeld' }, at(director)),
        'warning',
      );
      accepted(
        await writeSide.measures.recordParentsInformed(closed, { regarding: warning, channel: 'phone', informedAt: daysAgo(19) }, at(director)),
        'recordParentsInformed',
      );
      accepted(await writeSide.cases.close(closed, { outcome: 'Gesprek gevoerd, waarschuwing gegeven' }, at(director)), 'close');
      // A suspension of two school days: the parents told in writing, the Inspectorate report still to do.
      const suspended = await report(director, s, 'cyberbullying', [p + 3, p + 4], 'Herhaald pesten via sociale media na eerdere waarschuwing', 9);
      accepted(await writeSide.cases.assessScope(suspended, { inScope: true, rationale: 'Schoolgemeenschap betrokken' }, at(director)), 'assessScope');
      const suspension = accepted(
        await writeSide.measures.impose(
          suspended,
          {
            subjectId: pupilId(s, p + 3),
            measure: 'suspension',
            reason: 'Herhaald pesten',
            startsOn: day(monday),
            endsOn: day(new Date(monday.getTime() + 86_400_000)),
          },
          at(director),
        ),
        'suspension',
      );
      accepted(
        await writeSide.measures.recordParentsInformed(suspended, { regarding: suspension, channel: 'letter', informedAt: daysAgo(8) }, at(director)),
        'recordParentsInformed',
      );
      // A phone in class, taken and given back; an open case with an owner.
      const phone = await report(teacher, s, 'phone-violation', [p + 5], 'Telefoon gebruikt tijdens de toets', 3);
      accepted(await writeSide.cases.assessScope(phone, { inScope: true, rationale: 'Telefoon in de klas' }, at(director)), 'assessScope');
      const custody = accepted(
        await writeSide.pupilConduct.takeDeviceIntoCustody(
          pupilId(s, p + 5),
          {
            schoolId: DEMO_SCHOOLS[s]!.schoolId,
            device: 'telefoon',
            conditionChecked: { damage: 'geen', working: true },
            pupilPresent: true,
            switchedOff: true,
            incidentId: phone,
          },
          at(director),
        ),
        'custody',
      );
      accepted(await writeSide.pupilConduct.returnDevice(custody, { returnedTo: 'pupil', returnedAt: now.toISOString() }, at(director)), 'returnDevice');
      accepted(await writeSide.cases.assign(phone, teacher.id, at(director)), 'assign');
    }
  }
  // The board's: a staff case qualified as boundary-crossing and called in, one waiting for its qualification, a police report to file.
  const board = DEMO_PEOPLE.board;
  const called = await report(
    board,
    0,
    'private-contact-with-pupil',
    [],
    'Privéberichten aan een leerling via een persoonlijk account',
    4,
    'staff-misconduct',
    'demo-teacher-1',
  );
  accepted(
    await writeSide.staffConduct.qualify(called, { qualification: 'boundary-crossing', rationale: 'Privécontact met een leerling' }, at(board)),
    'qualify',
  );
  accepted(
    await writeSide.staffConduct.recordInspectorCall(
      called,
      { calledAt: daysAgo(3), inspectorReference: 'VI-2026-0311', summary: 'Vertrouwensinspecteur geraadpleegd', conclusion: 'no-reasonable-suspicion' },
      at(board),
    ),
    'recordInspectorCall',
  );
  await report(board, 1, 'confidential-information-published', [], 'Vertrouwelijke gegevens op een openbaar forum', 1, 'staff-misconduct', 'demo-teacher-2');
  const threat = await report(DEMO_PEOPLE.director(2), 2, 'cyberbullying', [11, 12], 'Bedreiging via sociale media', 6);
  const decision = accepted(
    await writeSide.criminalReports.open({ sourceIncidentId: threat, suspectedOffence: 'Bedreiging (Sr 285)' }, at(DEMO_PEOPLE.director(2))),
    'decision',
  );
  accepted(await writeSide.criminalReports.decide(decision, { decision: 'report', rationale: 'Serieuze bedreiging' }, at(board)), 'decide');
  return cases;
}
