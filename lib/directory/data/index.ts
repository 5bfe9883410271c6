/**
 * The directory's data files, one per category. A new category in `lib/model` needs a file here
 * (the `Record<Category, …>` type makes a missing one a type error).
 */
import type { Category } from '../../model';
import books from './books.json';
import cloud from './cloud.json';
import dating from './dating.json';
import energy from './energy.json';
import finance from './finance.json';
import fitness from './fitness.json';
import food from './food.json';
import gaming from './gaming.json';
import insurance from './insurance.json';
import learning from './learning.json';
import membership from './membership.json';
import music from './music.json';
import news from './news.json';
import other from './other.json';
import shopping from './shopping.json';
import software from './software.json';
import telecom from './telecom.json';
import transport from './transport.json';
import video from './video.json';

export const DATA_FILES: Record<Category, readonly unknown[]> = {
  video,
  music,
  news,
  books,
  food,
  fitness,
  telecom,
  energy,
  software,
  cloud,
  gaming,
  learning,
  dating,
  membership,
  insurance,
  transport,
  shopping,
  finance,
  other,
};
