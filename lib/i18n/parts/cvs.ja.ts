// UI strings of the cvs gateway (Japanese). Same keys in cvs.en.ts.
export const cvsJa = {
  placeholder: "",
};
