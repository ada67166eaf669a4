/** class-transformer `@Transform`: an HTML form sends an unset filter as `name=`; treat it as absent. */
export const blankAsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
