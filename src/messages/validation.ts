// Messages of the validation and calibration reports.

import { message, type Message } from './message';

export const VALIDATION = {
  replicaSplit: (chips: number, replicas: number): Message =>
    message('validation.replica-split', `the engine split the ${chips} chips into ${replicas} replicas; the row ran one instance on all of them`),
} as const;
