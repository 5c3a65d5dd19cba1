/** The spinal regions Spinewise covers: the low back and the neck. */
export type Region = 'lumbar' | 'cervical';

export const regions: readonly Region[] = ['lumbar', 'cervical'];
