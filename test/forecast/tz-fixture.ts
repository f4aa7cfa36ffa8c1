/** Run by tz.test.ts in child processes with different TZ values; prints every public result as JSON. */
import { liveStatus, planChain, planToldDue, reliability } from '../../utils/forecast/index';
import { history } from './helpers';

// Dates straddle the US/EU daylight-saving switches (2026-03-08, 2026-03-29, 2026-10-25, 2026-11-01).
const h = [...history([0, 3, 0, 2, 0, 5], { start: '2026-02-02', told: 8 }), { assignedOn: '2026-10-20', toldDue: '2026-10-30', deliveredOn: null }];
const out = [
  planToldDue({ history: h, assignedOn: '2026-03-06', clientDue: '2026-04-02', holidays: ['2026-03-30'] }),
  planToldDue({ history: h, assignedOn: '2026-10-23', clientDue: '2026-11-20', today: '2026-11-03', target: 0.95 }),
  reliability(h, { today: '2026-11-03' }),
  liveStatus({ history: h, assignedOn: '2026-10-23', toldDue: '2026-11-02', clientDue: '2026-11-06', today: '2026-11-03' }),
  planChain({ history: h, assignedOn: '2026-03-06', milestones: [{ workingDays: 4 }, { workingDays: 6 }], runs: 2000 }),
];
process.stdout.write(JSON.stringify(out));
