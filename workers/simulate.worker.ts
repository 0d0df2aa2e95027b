import { expose } from 'comlink';
import { workerApi } from '../src/worker-api';

expose(workerApi);
