import {
  KIND_HEADER,
  KIND_NEW,
  KIND_NONE,
  KIND_QUOTED,
  KIND_SIGNATURE,
  isBlankCode,
  type KindCode,
} from './kind-codes.ts';

// Reply structure that only the words show: `>` quoting, "On … wrote:", Outlook's
// "-----Original Message-----" and From/Sent blocks, forwarded-message banners, the `-- `
// signature delimiter. Plain-text mail has nothing else; HTML mail from clients we don't
// recognise by markup has these too, so the pass also runs over HTML text that the markup
// left as the writer's own.
//
// Sign-offs ("Thanks,\nJane") are deliberately left as new text: rules look at them.

// "On Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:" and its cousins in the
// languages support teams meet most: Le … a écrit :, Am … schrieb …:, El … escribió:,
// Il … ha scritto:, Op … schreef …:.
const ATTRIBUTION_START = /^(?:On|Le|Am|El|Il|Op)\s/;
const ATTRIBUTION_VERB = /\s(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef)(?:\s|:|$)/;
const ATTRIBUTION_MAX_LENGTH = 400;

const QUOTED_LINE = /^[ \t]*>/;
const SEPARATOR_LINE =
  /^-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Weitergeleitete Nachricht)\s*-{2,}$/i;
const APPLE_FORWARD = /^Begin forwarded message:$/i;
const UNDERSCORE_RULE = /^_{8,}$/;
const FROM_FIELD = /^\*?(?:From|Von|De|Da|Van)\*?\s?:/i;
const DATE_FIELD = /^\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden)\*?\s?:/i;
const HEADER_FIELD =
  /^\*?(?:From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|Importance|Von|Gesendet|Datum|An|Betreff|De|Envoyé|À|Objet|Enviado|Para|Asunto|Inviato|Oggetto|Verzonden|Aan|Onderwerp)\*?\s?:/i;
// "-- " (the usenet delimiter); trimming leaves "--", which clients also send bare.
const SIGNATURE_DELIMITER = /^--$/;
// Footers the phone adds on its own; nothing the writer typed.
const DEVICE_FOOTER = /^(?:Sent from my [\w ]{1,40}|Get Outlook for (?:iOS|Android))$/i;

interface Line {
  start: number;
  end: number;
  /** No character other than white space. */
  blank: boolean;
  /** Every non-blank character is structurally the writer's new text. */
  allNew: boolean;
}

function linesOf(text: string, kinds: Uint8Array): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let blank = true;
  let allNew = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      lines.push({ start, end: i, blank, allNew: allNew && !blank });
      start = i + 1;
      blank = true;
      allNew = true;
    } else if (!isBlankCode(c)) {
      blank = false;
      if (kinds[i] !== KIND_NEW) allNew = false;
    }
  }
  return lines;
}

function isAttribution(text: string): boolean {
  if (text.length > ATTRIBUTION_MAX_LENGTH || !text.endsWith(':')) return false;
  if (!ATTRIBUTION_START.test(text) || !ATTRIBUTION_VERB.test(text)) return false;
  // A real attribution carries a date or an address; "On that note, here is what I wrote:"
  // carries neither.
  return /[0-9@]/.test(text);
}

type Mode = 'normal' | 'signature' | 'history';

/**
 * Reclassifies the characters of `kinds` (one per UTF-16 unit of `text`) that the markup
 * left as new text. Mutates `kinds`; linear in the length of the text.
 */
export function applyTextMarkers(text: string, kinds: Uint8Array): void {
  const lines = linesOf(text, kinds);
  const nextNonBlank = new Int32Array(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    nextNonBlank[i] = (lines[i] as Line).blank ? (nextNonBlank[i + 1] as number) : i;
  }
  const lineText = (index: number): string => {
    const line = lines[index];
    return line ? text.slice(line.start, line.end).trim() : '';
  };
  const startsFromBlock = (index: number): boolean => {
    const line = lines[index];
    if (!line || !line.allNew || !FROM_FIELD.test(lineText(index))) return false;
    const next = nextNonBlank[index + 1] as number;
    return DATE_FIELD.test(lineText(next));
  };
  const set = (line: Line, to: KindCode, from: readonly number[]): void => {
    for (let i = line.start; i < line.end; i++) {
      const k = kinds[i] as number;
      if (k !== KIND_NONE && from.includes(k)) kinds[i] = to;
    }
  };

  let mode: Mode = 'normal';
  let inHeaderBlock = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (line.blank) continue;
    if (mode === 'history') {
      const isField = line.allNew && inHeaderBlock && HEADER_FIELD.test(lineText(index));
      if (!isField) inHeaderBlock = false;
      set(line, isField ? KIND_HEADER : KIND_QUOTED, [KIND_NEW, KIND_SIGNATURE]);
      continue;
    }
    if (!line.allNew) {
      // Markup-quoted text ends a `-- ` signature, as a `>` line does in plain text.
      let structural = false;
      for (let i = line.start; i < line.end && !structural; i++) {
        structural = kinds[i] === KIND_QUOTED || kinds[i] === KIND_HEADER;
      }
      if (structural) mode = 'normal';
      else if (mode === 'signature') set(line, KIND_SIGNATURE, [KIND_NEW]);
      continue;
    }
    const trimmed = lineText(index);
    if (QUOTED_LINE.test(trimmed)) {
      set(line, KIND_QUOTED, [KIND_NEW]);
      mode = 'normal';
      continue;
    }
    if (SEPARATOR_LINE.test(trimmed) || APPLE_FORWARD.test(trimmed) || startsFromBlock(index) ||
      (UNDERSCORE_RULE.test(trimmed) && startsFromBlock(nextNonBlank[index + 1] as number))) {
      set(line, KIND_HEADER, [KIND_NEW]);
      mode = 'history';
      inHeaderBlock = true;
      continue;
    }
    if (ATTRIBUTION_START.test(trimmed)) {
      if (isAttribution(trimmed)) {
        set(line, KIND_HEADER, [KIND_NEW]);
        mode = 'normal';
        continue;
      }
      // Plain-text mailers wrap a long attribution: "On …, Jane Doe <\njane@x.com> wrote:".
      const next = lines[index + 1];
      if (next && next.allNew && !trimmed.endsWith(':') && isAttribution(`${trimmed} ${lineText(index + 1)}`)) {
        set(line, KIND_HEADER, [KIND_NEW]);
        set(next, KIND_HEADER, [KIND_NEW]);
        mode = 'normal';
        index++;
        continue;
      }
    }
    if (mode === 'signature') {
      set(line, KIND_SIGNATURE, [KIND_NEW]);
      continue;
    }
    if (SIGNATURE_DELIMITER.test(trimmed) || DEVICE_FOOTER.test(trimmed)) {
      set(line, KIND_SIGNATURE, [KIND_NEW]);
      mode = 'signature';
    }
  }
}
