import { PERSPECTIVES, type Perspective } from "../taxonomy";

export const PERSPECTIVE_VALUES = Object.keys(PERSPECTIVES) as [Perspective, ...Perspective[]];

/** Radio options for "Which describes you best?" */
export const PERSPECTIVE_OPTIONS = PERSPECTIVE_VALUES.map((value) => ({ value, label: PERSPECTIVES[value].label }));
