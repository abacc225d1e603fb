// UI strings of the card gateway (Japanese). Same keys in card.en.ts.
export const cardJa = {
  placeholder: "",
};
