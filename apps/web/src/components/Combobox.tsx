// A searchable picker over a code list (countries, languages, occupations, sectors): the person types
// a name in their language and picks; the form holds the code. Downshift's useCombobox gives the
// WAI-ARIA 1.2 combobox (keyboard: arrows, Home/End, Enter, Escape; aria-activedescendant). The label
// is the surrounding `Field`'s <label for>, so downshift's own label ids are not used.
import { useCombobox } from 'downshift';
import { useEffect, useMemo, useRef, useState } from 'react';

export interface Choice {
  value: string;
  label: string;
}

/** Lower case without accents, so "reunion" finds "Réunion" and "syrie" finds "Syrie". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

const MAX_SHOWN = 50;

/** The choices a typed text matches: names containing it (names starting with it first), or codes. */
export function matches(choices: Choice[], text: string): Choice[] {
  const q = fold(text.trim());
  if (!q) return choices;
  const starts: Choice[] = [];
  const contains: Choice[] = [];
  for (const c of choices) {
    const label = fold(c.label);
    if (label.startsWith(q) || fold(c.value) === q) starts.push(c);
    else if (label.includes(q) || fold(c.value).startsWith(q)) contains.push(c);
  }
  return [...starts, ...contains];
}

/**
 * What a text left in the box means when the person moves on without picking: the choice it names
 * exactly (name or code), or the only one it matches; otherwise nothing, never a guess.
 */
export function resolve(choices: Choice[], text: string): Choice | null {
  const q = fold(text.trim());
  if (!q) return null;
  const exact = choices.find((c) => fold(c.label) === q || fold(c.value) === q);
  if (exact) return exact;
  const found = matches(choices, text);
  return found.length === 1 ? found[0] : null;
}

interface ComboboxProps {
  choices: Choice[];
  /** The code picked, or '' for none. */
  value: string;
  onChange(value: string): void;
  /** Set by `Field` (id, aria-invalid, aria-describedby); the input carries them. */
  id?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  /** Names the list of choices for assistive technology (the field's label text). */
  listLabel: string;
  /** Shown in the list when nothing matches. */
  noMatch: string;
  /** Empty the box after a pick (a picker that adds to a list). */
  clearOnPick?: boolean;
}

export function Combobox({
  choices,
  value,
  onChange,
  id,
  name,
  listLabel,
  noMatch,
  clearOnPick,
  ...aria
}: ComboboxProps) {
  const selected = useMemo(() => choices.find((c) => c.value === value) ?? null, [choices, value]);
  const [text, setText] = useState<string | null>(null);
  const shownText = text ?? (clearOnPick ? '' : (selected?.label ?? ''));
  const found = useMemo(() => matches(choices, text ?? ''), [choices, text]);
  const items = found.slice(0, MAX_SHOWN);
  const pick = (c: Choice | null) => {
    onChange(c?.value ?? '');
    setText(clearOnPick || c ? null : text);
  };
  // Text typed and left before the list had arrived (a slow connection): judge it once the choices
  // come, as leaving the box would have, so "Syria" typed early still means SY.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (text === null || clearOnPick || choices.length === 0) return;
    if (document.activeElement === input.current) return;
    const meant = resolve(choices, text);
    if (meant) pick(meant);
    // Only the arrival of choices re-judges; typing is judged on leaving the box.
  }, [choices]);
  const { isOpen, getMenuProps, getInputProps, getItemProps, highlightedIndex } = useCombobox<Choice>({
    items,
    inputId: id,
    itemToString: (c) => c?.label ?? '',
    selectedItem: clearOnPick ? null : selected,
    inputValue: shownText,
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setText(inputValue ?? '');
    },
    onSelectedItemChange: ({ selectedItem }) => pick(selectedItem ?? null),
    stateReducer: (state, { type, changes }) => {
      if (type !== useCombobox.stateChangeTypes.InputBlur) return changes;
      // Leaving the box: a highlighted option was picked by downshift; else judge the typed text.
      if (changes.selectedItem && changes.selectedItem !== state.selectedItem) return changes;
      if (text === null) return changes;
      const meant = resolve(choices, text);
      return { ...changes, selectedItem: meant, inputValue: meant ? meant.label : text };
    },
  });
  return (
    <div className="combobox">
      <input
        {...getInputProps({
          ref: input,
          name,
          'aria-labelledby': undefined,
          'aria-invalid': aria['aria-invalid'],
          'aria-describedby': aria['aria-describedby'],
          autoComplete: 'off',
        })}
      />
      <ul
        className="combobox-list"
        hidden={!isOpen}
        {...getMenuProps({ 'aria-labelledby': undefined, 'aria-label': listLabel })}
      >
        {isOpen &&
          items.map((c, index) => (
            <li
              key={c.value}
              className={index === highlightedIndex ? 'highlighted' : undefined}
              {...getItemProps({ item: c, index })}
            >
              {c.label}
            </li>
          ))}
        {isOpen && items.length === 0 && (
          <li className="muted" role="option" aria-disabled="true" aria-selected="false">
            {noMatch}
          </li>
        )}
      </ul>
    </div>
  );
}
