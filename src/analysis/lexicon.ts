// The checker's vocabulary as data (domain/rules.md Appendix A and B). Rules compile these once.
import type { Part } from './types';

export interface HedgeGroup {
  rule: string;
  /** What the phrase leaves open, for the parent-facing message. */
  problem: string;
  /** The provision question the phrase undermines; its slot replaces the phrase in a suggestion. */
  part?: Part;
  /** A hedge that an otherwise fully specified item makes harmless (FP-QUANTIFIED-ACCESS, FP-FREQUENT-PLUS-NUMBER). */
  softWhenSpecified: boolean;
  phrases: readonly string[];
}

export const HEDGE_GROUPS: readonly HedgeGroup[] = [
  {
    rule: 'HEDGE-ACCESS',
    problem: 'says the child may use something, not that it will be delivered',
    softWhenSpecified: true,
    phrases: ['access to', 'have access to', 'has access to', 'will have access to', 'regular access to', 'is available', 'are available', 'available to', 'can access', 'may access'],
  },
  {
    rule: 'HEDGE-OPPORTUNITY',
    problem: 'offers an opportunity, which is not the same as provision',
    softWhenSpecified: true,
    phrases: ['opportunities for', 'opportunities to', 'opportunity to', 'opportunity for', 'regular opportunities', 'given the opportunity'],
  },
  {
    rule: 'HEDGE-DISCRETION',
    problem: 'leaves it to someone to decide later whether the help is given',
    part: 'frequency',
    softWhenSpecified: false,
    phrases: [
      'as appropriate', 'where appropriate', 'when appropriate', 'if appropriate', 'appropriate', 'appropriately', 'as required', 'when required',
      'if required', 'where required', 'as and when', 'as and when needed', 'as and when required', 'where possible', 'wherever possible', 'if possible',
      'subject to review', 'subject to availability', 'at the discretion of', 'or equivalent', 'where the school is able',
    ],
  },
  {
    // Student-triggered use ("if needed" by the pupil) is legitimate once the item is specified (FP-STUDENT-TRIGGERED).
    rule: 'HEDGE-DISCRETION',
    problem: 'leaves it to someone to decide later whether the help is given',
    part: 'frequency',
    softWhenSpecified: true,
    phrases: ['as needed', 'when needed', 'if needed', 'where needed', 'as advised', 'as recommended by'],
  },
  {
    rule: 'HEDGE-VAGUE-FREQUENCY',
    problem: 'does not say how often',
    part: 'frequency',
    softWhenSpecified: true,
    phrases: [
      'regular', 'regularly', 'frequent', 'frequently', 'ongoing', 'periodic', 'periodically', 'occasional', 'occasionally', 'from time to time', 'at times',
      'throughout the day', 'at different points',
    ],
  },
  {
    // "Initially … thereafter reducing to …" was held too vague even with amounts: no trigger or date for the change.
    rule: 'HEDGE-VAGUE-FREQUENCY',
    problem: 'changes the amount later without saying when or why',
    part: 'frequency',
    softWhenSpecified: false,
    phrases: ['thereafter reducing', '/initially\\b[^.;]{0,80}\\bthereafter(?: reducing)?/'],
  },
  {
    rule: 'HEDGE-MODAL',
    problem: 'is a recommendation, not a commitment',
    softWhenSpecified: true,
    phrases: [
      'would benefit from', 'may benefit from', 'could benefit from', 'will benefit from', 'benefit from', 'benefits from', 'would be helpful', 'would be useful',
      'may be a useful strategy', 'it is recommended that', 'is recommended', 'are recommended', 'encouraged to', 'will be encouraged to',
      'consideration should be given', 'consideration will be given', 'will be considered', 'aim to', 'aims to', 'try to', 'tries to', 'may need',
      'may', 'might', 'could', 'should', 'would',
    ],
  },
  {
    rule: 'HEDGE-VAGUE-QUANTITY',
    problem: 'does not say how much',
    part: 'duration',
    softWhenSpecified: true,
    phrases: [
      'some', 'a high level of', 'high level of', 'high adult:child ratio', 'additional support', 'extra support', 'a lot of', 'as much as possible',
      'typically', 'usually', '/(?:approximately|about|around) \\d+(?:\\.\\d+)? ?(?:hours?|hrs?|minutes?|mins?|sessions?)/',
      '/\\d+ ?[-–] ?\\d+ ?(?:minutes?|mins?|hours?|hrs?|times|sessions?)(?: (?:a|per|each) \\w+)?/',
    ],
  },
  {
    // "A range of strategies" leaves open which ones, not how much.
    rule: 'HEDGE-VAGUE-QUANTITY',
    problem: 'does not say which ones will be used',
    part: 'what',
    softWhenSpecified: true,
    phrases: ['a range of', 'a variety of', 'a number of'],
  },
  {
    rule: 'HEDGE-UP-TO',
    problem: 'caps the amount and so also permits none at all',
    part: 'duration',
    softWhenSpecified: false,
    phrases: ['up to'],
  },
  {
    rule: 'HEDGE-SMALL-GROUP',
    problem: 'does not say how many children are in the group',
    part: 'group_size',
    softWhenSpecified: true,
    phrases: ['small group', 'small groups', 'small group setting', 'small class sizes', 'small classes', 'small teaching groups', 'group setting'],
  },
  {
    rule: 'HEDGE-EXAMPLES',
    problem: 'is an open list, so the provision could shrink to any one item',
    part: 'what',
    softWhenSpecified: true,
    phrases: ['e.g.', 'e.g', 'eg', 'for example', 'such as', 'etc', 'etc.', 'including but not limited to', 'and/or', 'or similar'],
  },
  {
    rule: 'HEDGE-VAGUE-ACTOR',
    problem: 'does not name the role or expertise of the person who will do it',
    part: 'who',
    softWhenSpecified: true,
    phrases: [
      'the setting will', 'the school will', 'school staff', 'support staff', 'education staff', 'skilled staff', 'a member of staff', 'members of staff',
      'adult support', 'key adult', 'key adults', 'familiar adult', 'trusted adult', 'appropriate professional', 'other agencies',
      '/(?:by|from|with) (?:the )?(?:an? )?(?:adult|staff)(?![\\w-])/', '/^staff(?![\\w-])/', '/\\bstaff will\\b/',
    ],
  },
  {
    rule: 'HEDGE-DEFERRAL',
    problem: 'hands the detail to another document or to the school, so the plan itself specifies nothing',
    part: 'what',
    softWhenSpecified: true,
    phrases: ['as set out in', 'as per', 'set out in the provision map', 'provision map', 'support timetable will provide', 'the school will decide', 'to be determined', 'tbc'],
  },
];

/**
 * Roles and people whose naming answers "by whom" (PROV-WHO), by profession. Plural forms and titles are listed;
 * "specialist" and "practitioner" cover "specialist teacher", "CAMHS practitioner" and the like.
 */
export const SPECIFIC_ROLES: readonly string[] = [
  // education staff (England, Wales, Scotland, NI)
  'teacher', 'teachers', 'headteacher', 'head teacher', 'deputy head', 'depute head', 'head of year', 'teaching assistant', 'teaching assistants',
  'TA', 'TAs', 'LSA', 'LSAs', 'HLTA', 'higher level teaching assistant', 'SENCO', 'SENDCo', 'SENCo', 'ALNCo', 'LSC', 'learning support coordinator',
  'classroom assistant', 'pupil support assistant', 'PSA', 'learning support assistant', 'support assistant', 'learning mentor', 'mentor', 'tutor', 'key person',
  'key worker', 'ELSA', 'invigilator', 'assessor', 'lunchtime supervisor', 'midday assistant', 'supervisor', 'first aider', 'technician', 'instructor', 'coordinator',
  'co-ordinator', 'interpreter', 'communication support worker', 'QTVI', 'QToD', 'habilitation officer', 'mobility officer', 'portage worker', 'portage home visitor',
  // therapists and health professionals
  'therapist', 'therapists', 'physiotherapist', 'psychotherapist', 'psychologist', 'psychologists', 'psychiatrist', 'counsellor', 'counselor', 'paediatrician',
  'pediatrician', 'doctor', 'GP', 'consultant', 'clinician', 'nurse', 'health visitor', 'dietitian', 'dietician', 'audiologist', 'optometrist', 'orthoptist',
  'CAMHS', 'practitioner', 'specialist', 'advisor', 'adviser',
  // social care and other services
  'social worker', 'youth worker', 'support worker', 'family support worker', 'job coach', '/[\\w-]+ (?:Service|Team)/',
  // US related-service providers and school staff
  'pathologist', 'pathologists', 'SLP', 'SLPA', 'OTR', 'COTA', 'BCBA', 'RBT', 'paraprofessional', 'para', 'paraeducator', 'aide', 'interventionist',
  'case manager', 'IEP team', 'related service provider', 'orientation and mobility', 'O&M',
  // named people
  'mr', 'mrs', 'ms', 'miss', 'dr',
  // abbreviations only where they name the person ("by the OT", "registered OT"), not the therapy
  'the OT', 'by the OT', '/(?:by|from|with) (?:the |a |an |their |his |her )?(?:SALT|SaLT|SLT|OT|EP|PT|SLP)(?![\\w-])/',
  '/(?:registered|qualified|specialist|trained|NHS) (?:OT|SALT|SaLT|SLT|EP|PT)(?![\\w-])/',
  '/staff (?:who (?:are|have been) )?(?:trained|qualified)/', '/(?:adult|person|member of staff) (?:leading|running|teaching|supervising|in charge)/',
  // A provider abbreviation in a table cell ("weekly | SALT").
  '/(?<=[|\\t]\\s{0,3})(?:SALT|SaLT|SLT|OT|EP|PT|TA|LSA|HLTA|SLP)(?![\\w-])/',
  // An assessment or advice named by its profession is that profession's ("an occupational therapy assessment").
  '/(?:occupational therapy|speech and language therapy|speech-language|physiotherapy|physical therapy|educational psychology|psychological|audiology|paediatric|medical) (?:assessment|review|advice|report)/',
];

/** Concrete activities, approaches and equipment: they answer "what exactly" (PROV-WHAT). */
export const CONCRETE_CONTENT: readonly string[] = [
  // named programmes and approaches
  'Numicon', 'precision teaching', 'Talkabout', 'Wilson', 'Read Write Inc', 'Fresh Start', 'Write from the Start', 'Language for Thinking', 'Attention Autism',
  'Zones of Regulation', 'Lego therapy', 'Emotion Coaching', 'social stories', 'social story', 'Makaton', 'PECS', 'Colourful Semantics', 'Toe by Toe', 'Nessy',
  'Lexia', 'ELSA', 'Elklan', 'Word Aware', 'Intensive Interaction', 'TEACCH', 'Five Minute Box', 'Catch Up', 'phonics', 'paired reading', 'guided reading',
  'touch typing', 'touch-type', 'AAC', 'BSL', 'Braille', 'Social Thinking', 'Sensory Circuits', 'Rapid Reading', 'Success@Arithmetic', 'Power of 2',
  // concrete activities
  'tuition', 'instruction', 'taught', 'teaching of', 'pre-teaching', 'pre-learning', 'pre learning', 'pre-tutoring', 'counselling', 'counseling', 'check-in', 'check-ins', 'check in',
  '/(?:near|nearest|next to|close to|away from|at the front of) (?:the|a|his|her|their)/', 'movement breaks', 'movement break', 'breaks', '/(?:1:1|paired|guided|shared|individual|daily|group) reading/', '/reading (?:sessions?|practice|instruction|books?|aloud|scheme)/', '/read (?:1:1|aloud|with)/', 'interpret', 'handwriting', 'typing', 'vocabulary', 'transportation', 'supervised', 'visual timetable',
  'now-and-next', 'checklist', 'exit card', 'pass', 'laptop', 'speech-to-text', 'overlay', 'reader', 'scribe', 'extended time', 'extra time', 'separate room',
  'radio aid', 'hearing aids', 'enlarged', 'desk', 'chair', 'quiet space', 'calm room', 'soft-play', 'tactile', 'visits to', 'timetable', 'direct therapy',
  'consultation', 'study skills', 'co-taught', '/sessions? on/', '/(?:programme|program|activities|exercises|plan) (?:written|devised|designed|set|prescribed) by/', 'assess', 'assessment',
  '/focus(?:ed|sed|ing)? on/', '/(?:complete|attend) (?:the |a |an )?(?:[\\w-]+ ){1,5}(?:training|course)/', 'targeting', '/instructions? (?:to \\w+ )?(?:will be |are |is )?(?:given|broken|chunked|repeated|delivered|presented)/', '/(?:give|break|chunk|repeat) (?:\\w+ )?instructions/',
  'ear defenders', 'workstation', 'text-to-speech', 'assistive technology', 'writing slope', 'pencil grip', 'reward chart', 'diary', 'fidget', 'wobble cushion', 'fine motor', 'gross motor', 'attention and listening', 'personal care', 'intimate care', 'moving and handling', 'high-frequency words', 'sight words', 'number bonds',
  'times tables', 'spelling', 'comprehension', 'note-taking', 'memory strategies', '/sessions? with (?:the |a |an )?(?:school )?(?:counsell?or|therapist|psychologist|mentor|tutor)/', 'training session', 'blood glucose', 'photo book', 'physiotherapy programme', 'sensory programme', 'circle of friends', 'lunch club', 'social skills programme',
];

/** Generic content words that say nothing about what is done (PROV-WHAT, HEDGE-VAGUE-CONTENT). */
export const GENERIC_CONTENT: readonly string[] = [
  '/support(?! (?:assistant|staff|worker|for learning|service|team|teacher|base|co-?ordinator))/', '/(?:be|is|are|being) supported/', 'input', 'intervention', 'interventions', 'strategies', 'advice', 'guidance', 'help', 'equipment', 'services', 'provision',
  'programme', 'programmes', 'program', 'programs', 'a range of', 'differentiated curriculum', 'a differentiated curriculum', 'sensory diet', 'visits',
  'visit', 'visiting', 'group work', 'reduced load', 'approach', 'approaches', 'reassurance', 'assistance', '/(?:will|to) work with/', 'involved', 'involvement',
  'incorporated into', 'embedded into', 'embedded in', 'made aware', 'differentiated', 'modified',
  'adapted', 'adaptations', 'modifications',
  'be aware', 'are aware', 'awareness', 'spend time', 'spend some time', 'attend', 'preferential seating', 'resources', 'adjustments', 'tailored to need', 'supports',
  'environment sympathetic to', 'encouragement', 'skills group', 'social skills group', 'nurture group',
];

/** Therapies named as a category: without a model, amount or focus they do not say what is provided (PROV-THERAPY-AMOUNT). */
export const BARE_THERAPIES: readonly string[] = [
  'speech and language therapy', 'speech and language', 'speech-language', 'speech therapy', 'SALT', 'SLT', 'occupational therapy', 'OT', 'physiotherapy',
  'physio', 'educational psychologist', 'educational psychology',
];

/** Deliverers who need stated training when they deliver something specialist (PROV-TRAINING). */
export const NON_SPECIALIST_DELIVERERS: readonly string[] = [
  'teaching assistant', 'teaching assistants', 'TA', 'TAs', 'LSA', 'learning support assistant', 'classroom assistant', 'paraprofessional', 'school staff',
  'support staff', 'adult support', 'skilled staff', '/(?:by|from) (?:the )?(?:\\w+ )?staff/', '/^staff(?![\\w-])/', 'staff will', 'the school will', 'the setting will', 'pupil support assistant',
];

/** Specialist work that needs a trained deliverer whoever does it. */
export const SPECIALIST_WORK: readonly string[] = [
  'precision teaching', 'phonics', 'sensory diet', 'therapy advice', 'occupational therapy advice', 'speech and language programme', 'epilepsy', 'diabetes',
  'toileting', 'changing', 'intimate care', 'medication', 'seizures', 'tube feeding', 'moving and handling',
];

export const TRAINING_EVIDENCE: readonly string[] = [
  'trained', 'training', 'qualified', 'qualification', '/level \\d/', 'certified', 'accredited', 'registered', 'experience in', 'experienced in', 'ELSA',
  'specialist', 'HLTA', 'higher level teaching assistant', 'licensed', 'BACP', 'HCPC', 'AMBDA', 'postgraduate',
];

export const MONITORING_EVIDENCE: readonly string[] = [
  'review', 'reviews', 'reviewed', 'reviewing', 'monitor', 'monitors', 'monitored', 'monitoring', 'check', 'checks', 'checked', 'checking', 'measured',
  'assessed', 'assessment', 'log', 'logs', 'logged', 'record', 'records', 'recorded', 'track', 'tracked', 'tracker', 'report', 'reports', 'evaluate',
  'evaluated', 'observe', 'observed', 'data', 'progress', 'probes', 'compared', 'update', 'updated', 'test', 'tested',
];

const NUMBER = '(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|half an?|an?)';
const DAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/** Evidence of "how often" (Appendix B FREQUENCY) and of an occasion that fixes when (in every lesson, at break). */
export const FREQUENCY_EVIDENCE: readonly string[] = [
  'daily', 'weekly', 'fortnightly', 'monthly', 'termly', 'half-termly', 'half termly', 'yearly', 'annually', 'twice', 'once', 'bi-weekly', 'biweekly',
  'every school day', 'each school day', 'every day', 'every morning', 'every afternoon', 'each morning', 'each day', 'each afternoon',
  `/(?:every|each) (?:other |second |two |three |\\d+ )?(?:school )?(?:day|days|morning|afternoon|week|weeks|fortnight|term|half[ -]term|lesson|lessons|period|session|${DAYS}|class|block|months?|years?|minutes)/`,
  `/${NUMBER} (?:times|sessions?|periods?|visits?|lessons?|days?|mornings?|afternoons?) (?:a|per|each|every) \\w+/`,
  // A fixed number of occasions is a total amount ("4 extra visits in June and July").
  '/(?:\\d+|two|three|four|five|six|eight|ten|twelve) (?:extra |more |additional |further )?(?:visits|sessions|lessons|blocks|meetings)/',
  '/per (?:week|day|fortnight|term|month|lesson|half[ -]term|session)/',
  '/(?:times|once|twice|sessions?|minutes?|mins?|hours?|hrs?|visits?|lessons?|periods?) (?:a|each) (?:week|day|fortnight|term|month|half[ -]term)/',
  '/(?:once|twice|three times|four times)[ -](?:weekly|daily|monthly|termly|fortnightly)/', 'throughout the school day',
  `/${DAYS}s?(?: to ${DAYS})?/`, '/after every/', '/(?:before|after) (?:each|every|morning break|lunch|registration|school|break)/',
  '/at \\d{1,2}[.:]\\d{2}/', '/(?:in|during|for) (?:all|every|each) (?:\\w+ ){0,3}(?:lessons?|classes|class|periods?|tests?|quizzes|examinations?|exams?|assessments?|subjects?|assignments|tasks|work|activities|homework|trips|outings)/',
  '/(?:leave|leaves|start|end|before|after) (?:\\w+ )?lessons/',
  '/(?:on|to|at) all (?:\\w+ )?(?:trips|outings|visits|lessons|classes|clubs|events)/',
  '/(?:every|each) (?:\\w+ )?(?:activity|activities|task|tasks|transition|transitions|change|visit|meal|mealtime|journey|trip|test|exam|piece of work|lunchtime|lunch|breaktime|break|playtime|registration|assembly)/',
  // Provision triggered by a stated condition ("If her blood glucose is below 4 mmol/L, …").
  "/if (?:his|her|their|the|\\w+(?:'s|’s)) [\\w ]{1,40}?(?:is|are|becomes?|reaches|falls|drops|goes)\\b/",
  // One-off provision is fixed by its date ("by December 2025", "before the move to secondary school").
  '/(?:in|by|before|during) (?:the end of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b/',
  '/before (?:the |his |her |their )?(?:move|transfer|transition|start)/',
  '/(?:at|during) (?:break|lunch|playtime|break time|breaktime|lunchtime|play|transitions?|registration|assembly|tutor time|form time|PE|unstructured times?|the start of|the end of)/', '/between lessons/', '/for (?:tests|assessments|exams|examinations)/',
  '/on (?:all )?(?:tests|assessments|exams)/', '/in (?:lessons|class|assessments|tests|exams)/', '/all lessons/', 'IEP term', '/(?:for|in|during|at|before) every \\w+/', '/the (?:whole|entire|full) (?:school )?day/',
  '/(?:in|during|by|before) (?:the )?(?:autumn|spring|summer|first|next) (?:term|half[ -]term)/', '/on (?:all )?(?:\\w+ )?(?:assignments|tests|quizzes|exams|assessments|homework)/', '/\\d+ ?[x×] ?(?:\\/ ?|per |a |each )?(?:week|wk|day|month|term|weekly|daily|monthly)/', '/p\\/w/', '/per wk/',
  '/(?:min|mins|minutes|hours?|hrs?|sessions?|times)\\/ ?(?:week|wk|day|month|term)/', '/in (?:the|his|her|their) (?:class(?:room)?|lessons)/',
  '/on a (?:daily|weekly|fortnightly|monthly|termly) basis/', '/full[ -]time/', 'at all times', 'all day', 'whole day', '/before \\d/', '/when (?:he|she|they) (?:becomes?|feels?|is|are)/',
];

/** Evidence of "for how long": session length, hours, coverage of the day, a block of weeks, an exact extra-time amount. */
export const DURATION_EVIDENCE: readonly string[] = [
  `/${NUMBER}[\\s-]*(?:[x×]\\s*)?(?:min(?:ute)?s?|mins|hours?|hrs?|hr)(?![\\w])/`, '/\\d+(?:\\.\\d+)?hrs?/', '/\\d+ ?[x×] ?\\d+ ?(?:min|mins|minutes|hours?|hrs?)/', '/\\d+ (?:periods?|lessons?)/', '/\\d+(?:\\.\\d+)?\\s?[x×](?![\\w])/', '/\\d+% extra time/',
  '/covering all/', '/(?:for|with|during|at) all (?:\\w+ )?(?:care|transitions|tasks|activities|unstructured times|break ?times|lunchtimes|mealtimes)/', '/throughout the school day/', '/(?:all|every) (?:of )?(?:\\w+ )?(?:lessons|day|periods)/', '/for (?:the )?(?:\\d+|\\w+) weeks?/',
  '/(?:\\d+|\\w+)-week/', '/for the (?:IEP|school|academic) (?:term|year)/', 'IEP term', '/\\d{1,2}\\/\\d{1,2}\\/\\d{2,4} to/', 'start date', 'end date',
  '/from \\d{1,2}(?:[.:]\\d{2})? ?(?:am|pm)? to \\d/', '/\\d+ weeks/', '/the (?:whole|entire|full) (?:school )?day/', '/for (?:the )?(?:first |next |whole |full |autumn |spring |summer )?(?:half[ -]term|term|year|academic year|school year)/', '/full[ -]time/', 'at all times', 'all day',
];

export const GROUP_WORDS = '/(?:small[ -])?groups?(?![\\w-])/';
export const GROUP_SIZE_EVIDENCE: readonly string[] = [
  '1:1', '1-1', '1-2-1', '1 to 1', 'one-to-one', 'one to one', 'individual', 'individually', 'in a pair', 'pair', '/groups? of (?:no more than |up to |at most |)\\d+/', '/(?:up to|no more than|maximum of|at most) \\d+/',
  '/\\d+ (?:pupils|students|learners|children|peers|year \\d+ pupils)/', '/\\d:\\d/', '/(?:two|three|four|five|six) (?:pupils|students|learners|children)/',
];

/** Accommodations and equipment: standing arrangements whose occasion, not a session length, is what matters. */
export const ACCOMMODATIONS: readonly string[] = [
  'extended time', 'extra time', 'reader', 'scribe', 'separate room', 'overlay', 'seating', 'seated', 'word bank', 'seat', 'sit', 'laptop', 'equipment', 'visual supports',
  'radio aid', 'enlarged', 'desk', 'chair', 'exit card', 'pass', 'transportation', 'visual timetable', 'now-and-next', 'checklist', 'ear defenders',
  'fidget', 'wobble cushion', 'be aware', 'are aware', 'made aware', 'awareness', 'read aloud', 'text-to-speech', 'speech-to-text', 'assistive technology', 'software', 'curriculum', 'transitions', 'word processor', 'calculator', 'access arrangements',
];
/** Accommodations that need an amount ("1.5x") rather than a deliverer. */
export const AMOUNT_ACCOMMODATIONS: readonly string[] = ['extended time', 'extra time'];
/** Standing arrangements that need neither frequency nor a deliverer to be checkable (a seat is always there). */
export const STANDING_ACCOMMODATIONS: readonly string[] = ['preferential seating', 'seating', 'seated', 'extended time', 'extra time', 'be aware', 'are aware', 'made aware', 'awareness', 'curriculum', 'transitions'];

/** Interventions and therapies whose delivery should be reviewed (PROV-MONITORING). */
export const REVIEWABLE_WORK: readonly string[] = [
  'therapy', 'counselling', 'counseling', 'intervention', 'programme', 'program', 'tuition', 'precision teaching', 'phonics', 'social skills group', 'sessions', 'session',
  'sensory diet', 'input', 'curriculum', 'ELSA', 'advice', '/\\d+ hours/', 'quiet space', 'literacy support', 'numeracy support',
];

// ---- targets and outcomes (GOAL-*) ----

export const GOAL_VAGUE: readonly string[] = [
  'improve', 'improves', 'improving', 'improvement', 'improved', 'make friends', 'decrease', 'reduce', 'on task', 'age-appropriate', 'age appropriate', 'get better at', 'be a better', 'develop', 'develops', 'developing', 'understand', 'understands',
  'understanding', 'increase', 'engage more', 'be attentive', 'will like', 'demonstrate appropriate', 'appropriate behaviour', 'appropriate behavior',
  'demonstrate skills in', 'become more', 'be more', 'continue to maintain', 'work on', 'work to improve', 'consistently exhibit', 'show improvement',
  'make progress', 'make good progress', 'make expected progress', 'make some progress', 'achieve his potential', 'achieve her potential',
  'achieve their potential', 'reach his full potential', 'reach her full potential', 'reach their full potential', 'full potential', 'potential',
  'more successfully', 'more effectively', 'access the curriculum', 'be supported to', 'be supported with', 'regulate', 'know her', 'know his', 'know their',
  'be happy', 'be safe', 'feel safe', 'feel happy', 'be confident', 'more confident', 'more independent', 'communicate her needs', 'communicate his needs',
  'communicate their needs', 'appropriately', 'more words', 'good attendance', 'commitment to', 'significantly reduce', 'measurably develop', 'cope with',
  'manage his', 'manage her', 'manage their', 'be aware', 'better', 'master', 'enjoy', 'enjoys', 'be ready for', 'age-related expectations', 'try harder', 'work harder', 'legibly', 'neatly', 'have the skills', 'the skills to', 'coping strategies', 'use strategies', 'develop strategies', '/(?:higher|better|greater|improved) (?:standard|quality|level)/', 'be able to write independently', 'be able to access',
];

export const GOAL_TIMESCALE: readonly string[] = [
  '/by (?:the )?end of/', '/by (?:the )?(?:\\w+ )?(?:review|half[ -]term|term|year|semester|easter|christmas|summer|spring|autumn|annual review)/',
  '/by (?:\\d{1,2} )?(?:january|february|march|april|may|june|july|august|september|october|november|december)/', '/by easter|by christmas|by whitsun/',
  '/by (?:year|key stage|ks|s|p) ?\\d/', '/within (?:one|a|the next|\\d+|two|three|six) (?:\\w+ )?(?:years?|weeks?|months?|terms?|key stage|academic year|semester)/',
  '/(?:this|next) (?:term|year|half[ -]term|semester)/', '/in the next \\d+ (?:weeks|months)/', '/\\b20\\d\\d\\b/', '/IEP year/', '/\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}/', '/\\d{1,2}\\/\\d{4}/',
  '/(?:in|within|over) (?:\\d+|one|two|three|six|nine|twelve) (?:instructional |school )?(?:weeks|months|years?)/',
  '/by the (?:end of the )?(?:school |academic )?year/', '/(?:by|before) (?:the )?(?:annual )?review/', '/over the (?:next|coming) (?:year|term)/',
];

export const GOAL_MEASURE: readonly string[] = [
  '/\\d+(?:\\.\\d+)? ?%/', '/\\d+ (?:out )?of (?:the )?(?:\\d+|every \\d+)/', '/(?:at least|no more than|fewer than|more than|up from|under|within|all) (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|once|twice)/',
  '/(?:once|twice|\\d+ times) (?:a|per|each|in (?:a|each|every)) \\w+/',
  '/\\d+ (?:[\\w-]+ ){0,2}(?:words|sounds|letters|sentences|turns|times|occasions|questions|steps|days|weeks|minutes|seconds|correct|lessons|sessions|attempts|trials|probes|samples|pieces)/',
  '/(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty) (?:[\\w-]+ )?(?:occasions|times|days|weeks|sessions|lessons|attempts|trials|turns|words|sentences|questions)/', 'in a row', 'words per minute', 'words correct per minute', 'wpm',
  '/(?:\\d+|two|three|four|five) consecutive/', '/(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:out )?of (?:one|two|three|four|five|six|seven|eight|nine|ten)/',
  '/(?<![\\/\\d])\\d{1,2} ?\\/ ?\\d{1,2}(?![\\/\\d])/', 'accuracy', 'as measured by', '/in under \\d+/', '/the full \\d+/', '/(?:every|each) (?:\\w+ )?lesson/', '/on \\d+ separate/', '/(?:score|scores) (?:of )?\\d+/',
  '/(?:\\d+ )?(?:verbal )?prompts?/',
  '/(?:on|in|for) (?:every|each|all) (?:[\\w-]+ (?:[\\w-]+ )?)?(?:piece|pieces|lesson|lessons|task|tasks|day|days|session|sessions|occasion|occasions)/',
  '/level \\d|grade \\d|GCSE|qualification|certificate/',
  // "every adult in his class": the whole set is the criterion.
  '/(?:every|each) (?:\\w+ )?(?:adult|adults|member|word|words|letter|letters|sound|sounds|number|numbers|colour|colours|peer|peers|step|steps|item|items)/',
];

export const GOAL_CONTEXT: readonly string[] = [
  'during', '/when (?:given|shown|asked|presented|provided|reading|writing|speaking|another|his|her|the|it|a|he|she|they)/', 'while', '/given (?:a|an|the|grade|\\d)/',
  '/(?:in|at|on) (?:the |a |his |her |their |each |every |all |whole[- ]class |mainstream |independent )?(?:\\w+ ){0,2}(?:class|classes|classroom|lessons?|playground|dinner hall|hall|cafeteria|recess|group work|college|school|home|assembly|circle time|PE|kitchen|room|setting|placement|bus|shifts?|club|break|breaktime|break time|lunch|lunchtime|playtime|snack time|test|probe|check|assessment|assessments|sheet|passage|task|tasks|session|sessions|game|work|pieces of work|samples|story|flashcards|software|worksheet|record|scale|chart|device|app|register|rubric|register)\\b/',
  'independently', 'without adult help', 'without adult prompting', 'without prompting', 'without staff prompting', '/with (?:a|his|her|their) (?:peer|partner)/',
  '/using (?:a|an|the|his|her|their)/', '/from (?:a|the) (?:picture|board)/', 'on her own', 'on his own', '/at (?:playtime|break|lunch|college|school|home|snack time)/',
  // how the task is given or done: aloud, to the whole class, from flash cards, in a dictated sentence, with one prompt
  'aloud', 'out loud', '/(?:on|at) (?:arrival|entry|transitions?|registration|the start of|the end of)/',
  '/(?:to|with|in front of|alongside) (?:the |a |an |his |her |their )?(?:whole[- ]class|class|small group|group|peers?|partner|familiar adults?|unfamiliar adults?|visitors?)\\b/',
  '/from (?:a |an |the |his |her |their )?(?:[\\w-]+ ){0,3}(?:flash ?cards|cards|list|lists|text|texts|book|books|passage|board|whiteboard|screen|pictures?|worksheet|model|word bank|menu|choice board|dictation)\\b/',
  '/in (?:a |an )?(?:[\\w-]+ ){0,2}(?:sentences?|passages?|conversations?|role[- ]play|dictation)\\b/',
  '/across (?:all |\\d+ |two |three |different )?(?:[\\w-]+ )?(?:settings|lessons|subjects|contexts|environments|activities)/',
  '/with(?:out)? (?:a |an |one |no |two |\\d+ |visual |verbal |adult |physical )*(?:[\\w-]+ )?(?:prompts?|cues?|scaffolds?|word bank|timer|visuals?|symbols?|checklist|calculator|number line|manipulatives|writing frame|sentence starters?)\\b/',
  '/when (?:\\w+ ){0,3}(?:arrives?|upset|anxious|frustrated|stuck|prompted|offered|faced with|transitions?)\\b/',
];

/** An outcome that is really a service or resource (STRUCT-OUTCOME-NOT-PROVISION). */
export const PROVISION_IN_OUTCOME: readonly string[] = [
  'will receive', 'will be provided with', 'will have access to', 'will be given access to', '/will have \\d+ (?:hours|sessions|minutes)/', 'hours of TA support',
  '/will (?:attend|have) (?:speech|occupational|physio)/',
];

/** A need written as a diagnosis or category label only (STRUCT-NEED-IMPACT). */
export const NEED_LABELS: readonly string[] = [
  'ADHD', 'ADD', 'autism', 'autistic', 'ASD', 'ASC', 'autism spectrum condition', 'autism spectrum disorder', 'dyslexia', 'dyspraxia', 'dyscalculia',
  'diagnosis', 'diagnosed', 'condition', 'difficulty', 'difficulties', 'disorder', 'needs', 'impairment', 'disability', 'syndrome', 'delay', 'palsy',
  'SEMH', 'SLCN', 'MLD', 'SLD', 'PMLD', 'SpLD', 'DCD', 'ODD', 'PDA', 'epilepsy', 'anxiety', 'Down syndrome',
];
export const NEED_IMPACT: readonly string[] = [
  'cannot', "can't", 'can', 'finds', 'find', 'struggles', 'struggle', 'unable', 'needs to', 'needs help', 'needs an', 'needs a', 'uses', 'follows', 'reads',
  'writes', 'misses', 'becomes', 'avoids', 'forgets', 'leaves', 'loses', 'takes', 'so', 'which', 'when', 'because', 'but', 'affects', 'impacts', 'means',
  'percentile', 'below', 'above', '/(?:assessment|assessments) (?:in|on|by|shows?|showed|placed|dated)/', 'easily', 'unless', 'without',
  '/(?:in|during|at|when) (?:class|lessons?|school|the classroom|break|lunch|playtime|group|unstructured)/', 'score', 'scored', 'reading age', 'often', 'rarely', 'does not', "doesn't", 'is not', 'will not', 'refuses',
];

/** Areas of need, for matching Section B needs to Section F provision (STRUCT-B-F-MATCH). */
export const NEED_AREAS: ReadonlyArray<{ area: string; words: readonly string[] }> = [
  { area: 'speech and language', words: ['speech', 'language', 'SLCN', 'vocabulary', 'communication', 'communicate', 'expressive', 'receptive', 'stammer', 'AAC', 'Makaton', 'speech and language therapy', 'SALT', 'SLT'] },
  { area: 'social interaction', words: ['social', 'friendships', 'friends', 'peers', 'turn-taking', 'social skills', 'autism', 'autistic', 'ASC', 'ASD'] },
  { area: 'literacy', words: ['reading', 'literacy', 'phonics', 'spelling', 'dyslexia', 'decoding', 'comprehension', 'writing'] },
  { area: 'numeracy', words: ['maths', 'math', 'numeracy', 'number', 'calculation', 'dyscalculia', 'arithmetic'] },
  { area: 'memory and processing', words: ['working memory', 'memory', 'processing speed', 'processing', 'attention', 'concentrate', 'concentration'] },
  { area: 'fine motor', words: ['handwriting', 'fine motor', 'pencil', 'dyspraxia', 'DCD', 'scissors', 'typing', 'occupational therapy'] },
  { area: 'gross motor and physical', words: ['gross motor', 'mobility', 'wheelchair', 'physiotherapy', 'physio', 'balance', 'cerebral palsy', 'transfers', 'physical'] },
  { area: 'sensory', words: ['sensory', 'noise', 'overwhelmed', 'sensory processing', 'ear defenders', 'movement breaks'] },
  { area: 'hearing', words: ['hearing', 'deaf', 'radio aid', 'hearing aids', 'BSL'] },
  { area: 'vision', words: ['visual impairment', 'vision', 'sight', 'braille', 'magnifier', 'enlarged'] },
  { area: 'emotional wellbeing', words: ['anxiety', 'anxious', 'emotional', 'emotions', 'wellbeing', 'self-esteem', 'mental health', 'ELSA', 'counselling', 'counseling', 'distress', 'distressing', 'stomach aches'] },
  { area: 'behaviour and regulation', words: ['behaviour', 'behavior', 'regulation', 'regulate', 'dysregulated', 'anger', 'ADHD', 'calm-down', 'outbursts', 'leaves his seat', 'calls out'] },
  { area: 'medical and self-care', words: ['diabetes', 'epilepsy', 'toileting', 'medical', 'blood glucose', 'insulin', 'feeding', 'intimate care', 'medication'] },
  { area: 'attendance', words: ['attendance', 'school refusal', 'attendance plan'] },
];
