/**
 * The lesson guide's and lesson index's strings (English). They load with those views, not with
 * the entry chunk (see LessonI18n). The lessons' own texts come from the lesson files.
 */
export const LESSON_EN = {
  'lesson.title': 'Lesson',
  'lesson.loading': 'Loading the lesson…',
  'lesson.hide': 'Close the lesson guide',
  'lesson.show': 'Lesson guide',
  'lesson.intro': 'Introduction',
  'lesson.steps': 'Steps',
  'lesson.stepOf': 'Step {n} of {count}',
  'lesson.stepButton': 'Step {n}: {state}',
  'lesson.previous': 'Previous',
  'lesson.next': 'Next',
  'lesson.state.done': 'done',
  'lesson.state.todo': 'not done yet',
  'lesson.state.current': 'current step',
  'lesson.complete': 'Lesson complete: every step is done.',
  'lesson.pager': 'Previous and next step',
  'lesson.tab.users': 'Users',
  'lesson.tab.rbac': 'RBAC',
  'lesson.tab.objects': 'Objects',
  'lesson.tab.server': 'Server',
  'lesson.index': 'All lessons',

  'lesson.look.stage': 'Look at {stage} in the graph.',
  'lesson.look.editor': 'Look at the marked line in World → {tab}.',
  'lesson.look.editorShow': 'Show in World → {tab}',
  'lesson.look.mark': 'lesson',

  'lesson.request': 'This step sends',
  'lesson.request.as': 'as {user}',
  'lesson.play': 'Play this request',
  'lesson.playAgain': 'Play again',
  'lesson.played': 'Played: {status} at {stage}.',
  'lesson.playing': 'Playing… the answer appears when the request has finished.',
  'lesson.skipToAnswer': 'Show the answer now',

  'lesson.predict.title': 'Predict before you play',
  'lesson.predict.stage': 'Which stage stops this request?',
  'lesson.predict.none': 'None: every stage passes',
  'lesson.predict.status': 'Which status code comes back?',
  'lesson.predict.submit': 'Lock in and play',
  'lesson.predict.needBoth': 'Pick a stage and a status code.',
  'lesson.predict.yours': 'You predicted {stage} and {status}.',

  'lesson.verdict.right': 'Right: both parts of your prediction match.',
  'lesson.verdict.half': 'Half right: one part of your prediction matches.',
  'lesson.verdict.wrong': 'Not this time: neither part matches.',
  'lesson.answer.stage': 'Stopped at',
  'lesson.answer.status': 'Status',
  'lesson.answer.reason': 'Reason',
  'lesson.answer.none': 'no stage: it succeeded',
  'lesson.answer.match': 'matches your prediction',
  'lesson.answer.miss': 'you predicted {value}',
  'lesson.answer.why': 'Why: {stage}',
  'lesson.answer.differs':
    'Your world has changed since the lesson began: the lesson expects {status} at {stage} here.',

  'lesson.task.title': 'Task',
  'lesson.task.hint':
    'Change the world (World panel) or send a request from the composer, then press Check. The check runs on a copy of your world and changes nothing.',
  'lesson.task.check': 'Check',
  'lesson.task.checking': 'Checking…',
  'lesson.task.done': 'Done: the goal is met.',
  'lesson.task.notYet': 'Not yet: {command} as {user} gives {actual}; the goal needs {expected}.',
  'lesson.task.solution': 'Show one solution',
  'lesson.task.useSolution': 'Put it in the composer',

  'lesson.index.title': 'Lessons',
  'lesson.index.intro': 'The course, in order. Progress is kept in this browser.',
  'lesson.index.close': 'Close the lesson index',
  'lesson.index.progress': '{done}/{count} steps',
  'lesson.index.state.done': 'Completed',
  'lesson.index.state.started': 'In progress',
  'lesson.index.state.new': 'Not started',
  'lesson.index.open': 'Open',
  'lesson.index.continue': 'Continue',
  'lesson.index.current': 'Open now',
  'lesson.index.opening': 'Opening…',
} as const;

export type LessonMessageKey = keyof typeof LESSON_EN;

/** A translation of the lesson views' strings: the same keys, any wording. */
export type LessonCatalog = Readonly<Record<LessonMessageKey, string>>;
