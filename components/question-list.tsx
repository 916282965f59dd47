import { useId } from 'react';
import type { PanelQuestion } from '../lib/schemas/panel.ts';

// The customer's questions and requests, each answered or not, with one click to mark it
// answered (the engine missed the answer) or not applicable (nothing to answer). Marks are
// kept per thread by the background.

export type Mark = NonNullable<PanelQuestion['mark']>;

interface Props {
  questions: readonly PanelQuestion[];
  markOf(questionId: string, fromSnapshot: Mark | undefined): Mark | undefined;
  onMark(questionId: string, mark: Mark | null): void;
  /** False when the compose has no thread key yet, so a mark has nowhere to live. */
  canMark: boolean;
}

function stateOf(question: PanelQuestion, mark: Mark | undefined): { label: string; tone: 'pass' | 'error' | 'marked' } {
  if (mark === 'answered') return { label: 'Marked answered', tone: 'marked' };
  if (mark === 'not-applicable') return { label: 'Marked not applicable', tone: 'marked' };
  return question.answered ? { label: 'Answered', tone: 'pass' } : { label: 'Not answered', tone: 'error' };
}

export function QuestionList({ questions, markOf, onMark, canMark }: Props) {
  const baseId = useId();
  const open = questions.filter((q) => !q.answered && !markOf(q.id, q.mark)).length;
  return (
    <section className="card" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>Customer’s questions</h2>
      {questions.length === 0 ? (
        <p className="muted">No questions or requests found in the customer’s message.</p>
      ) : (
        <>
          <p className="muted">{open === 0 ? 'Every question is covered.' : open === 1 ? '1 still needs an answer.' : `${open} still need an answer.`}</p>
          <ol className="questions">
            {questions.map((question, index) => {
              const mark = markOf(question.id, question.mark);
              const state = stateOf(question, mark);
              const textId = `${baseId}-q${index}`;
              return (
                <li
                  key={question.id}
                  className={`question tone-${state.tone}`}
                  data-testid="step-ahead-panel-question"
                  data-question-id={question.id}
                  data-state={mark ?? (question.answered ? 'answered' : 'open')}
                >
                  <p className="question-text" id={textId}>
                    {question.kind === 'request' && <span className="kind">Request: </span>}
                    <q>{question.text}</q>
                  </p>
                  <p className="question-state">
                    <span className="icon" aria-hidden="true">
                      {state.tone === 'pass' ? '✓' : state.tone === 'marked' ? '●' : '✕'}
                    </span>{' '}
                    <strong>{state.label}</strong>
                    {!mark && question.reason && <span className="reason"> — {question.reason}</span>}
                  </p>
                  <div className="actions">
                    {mark !== 'answered' && (
                      <button type="button" disabled={!canMark} aria-describedby={textId} onClick={() => onMark(question.id, 'answered')}>
                        Mark answered
                      </button>
                    )}
                    {mark !== 'not-applicable' && (
                      <button type="button" disabled={!canMark} aria-describedby={textId} onClick={() => onMark(question.id, 'not-applicable')}>
                        Not applicable
                      </button>
                    )}
                    {mark && (
                      <button type="button" disabled={!canMark} aria-describedby={textId} onClick={() => onMark(question.id, null)}>
                        Clear mark
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          {!canMark && <p className="muted">Marks are kept per thread; save the draft or reply in a thread to use them.</p>}
        </>
      )}
    </section>
  );
}
