/**
 * The statistics every results surface shows: estimates of one slice and differences
 * between two, from counts per value. Pure: runs in the browser and in Node.
 */
export {
  type Difference,
  differenceOfMeans,
  differenceOfNps,
  differenceOfProportions,
} from './differences';
export {
  meanEstimate,
  type NpsEstimate,
  npsEstimate,
  proportionEstimate,
  type ValueCounts,
  wilsonInterval,
} from './estimates';
export { differencesOfQuestion, type QuestionDifferences } from './question-differences';
export { questionResult, TOP_TWO_BOX_POINTS } from './question-result';
