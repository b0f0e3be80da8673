import { TOUR_CONTRACT, type Tour } from '../domain/tour/tour';
import { parseWithContract } from './parseWithContract';

/** Parses geodata/tour.json against its contract, naming the file and field of the first problem. */
export function parseTour(text: string, file = 'tour.json'): Tour {
  return parseWithContract(TOUR_CONTRACT, text, file);
}
