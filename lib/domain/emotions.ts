/** The emotion palette: each named feeling with its valence (−3..+3). Names are in the catalogues. */
export const EMOTIONS = {
  delighted: 3,
  happy: 2,
  relieved: 1,
  calm: 1,
  neutral: 0,
  unsure: -1,
  confused: -1,
  anxious: -2,
  frustrated: -2,
  angry: -3,
} as const;
export type Emotion = keyof typeof EMOTIONS;
export const EMOTION_NAMES = Object.keys(EMOTIONS) as Emotion[];
