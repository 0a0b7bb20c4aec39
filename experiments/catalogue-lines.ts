import type { CatalogueLine } from '../src/experiment/catalogue-line.ts';

/**
 * Every experiment the lab can run, in the order `list` and `--help` show them, each loaded only
 * when it runs. The name, question and about repeat the experiment's own definition, so that
 * `--help` and `list` start without loading any experiment; a test holds them equal to it
 * (test/catalogue-lines-match-the-experiments.unit.test.ts), and `catalogue.ts` is the same list loaded.
 */
export const catalogueLines: readonly CatalogueLine[] = [
  {
    name: 'headline',
    question: 'What do interleaving (one thread) and worker threads each buy on CPU-bound and on wait-bound work?',
    about: 'Cpu-bound tasks and wait-bound tasks (seeded timers), each in sequential, interleaved and parallel (and the plain piscina pool on the cpu-bound ones); the README opens with it.',
    load: async () => (await import('./headline/index.ts')).headline,
  },
  {
    name: 'scheduler-overhead',
    question: 'What does one task switch in the lab\'s scheduler cost, next to a native await hop and a setImmediate hop?',
    about: 'Tasks switching on the lab\'s scheduler, traced and untraced, against await hops and setImmediate hops; then the CPU the process burns while every task sleeps.',
    load: async () => (await import('./scheduler-overhead/index.ts')).schedulerOverhead,
  },
  {
    name: 'seed-runner',
    question: 'In what order does the article\'s runner really run its tasks, and what do its blocking waits cost against timer waits?',
    about: 'The article\'s four tasks under fifo (its code) and round-robin (its text), labelled step by step; then the same steps waiting, blocking the thread or on timers.',
    explainable: true,
    load: async () => (await import('./seed-runner/index.ts')).seedRunner,
  },
  {
    name: 'async-is-generators',
    question: 'Is an async function a generator underneath, in V8, in TypeScript\'s output, and on the lab\'s scheduler?',
    about: 'V8\'s bytecode of a generator and an async function side by side, tsc\'s ES2015 output of the async function, and an async-style task on the lab\'s scheduler.',
    load: async () => (await import('./async-is-generators/index.ts')).asyncIsGenerators,
  },
  {
    name: 'echo-server',
    question: 'How does a TCP echo server on the lab\'s scheduler compare with one client at a time, worker threads and plain node:net?',
    about: 'Clients each echoing messages one at a time, against the scheduler serving one client at a time, a task per connection, worker threads each serving a port, and plain node:net.',
    load: async () => (await import('./echo-server/index.ts')).echoServer,
  },
  {
    name: 'cpu-bound',
    question: 'On pure CPU work, what does interleaving on one thread cost, and how close do worker threads come to min(threads, cores) times faster?',
    about: 'Equal CPU tasks in sequential, interleaved, parallel and piscina: what interleaving costs per task switch, and the share of min(threads, cores)x that threads reach.',
    load: async () => (await import('./cpu-bound/index.ts')).cpuBound,
  },
  {
    name: 'io-bound',
    question: 'On work that mostly waits, how close does each mode come to what its waits allow: their sum, the longest task, or a pool of N threads?',
    about: 'Tasks that mostly wait: sequential against the sum of waits, interleaved against the longest task\'s waits, parallel against a perfect pool of --threads workers.',
    load: async () => (await import('./io-bound/index.ts')).ioBound,
  },
  {
    name: 'mixed',
    question: 'When tasks both compute and wait, does interleaving inside each worker thread (hybrid) beat interleaving alone and threads alone, and by how much?',
    about: 'Tasks that compute about as long as they wait: hybrid (each worker interleaving its share) against interleaving alone and threads alone, each against the least it could take.',
    load: async () => (await import('./mixed/index.ts')).mixed,
  },
  {
    name: 'scaling',
    question: 'How does CPU-bound speedup grow with worker threads from 1 to twice --threads (or --max-threads), where is the knee, and what do Amdahl, Karp-Flatt and the Universal Scalability Law read from it?',
    about: 'The same CPU work on 1 up to twice --threads worker threads, one warm pool per count; Amdahl fitted up to the cores, Karp-Flatt per count, the Universal Scalability Law (σ, κ, peak N, --predict N), a speedup chart.',
    load: async () => (await import('./scaling/index.ts')).scaling,
  },
  {
    name: 'granularity',
    question: 'How small can a task be before handing it to a worker thread costs more than it saves: why was one thread faster than 2-4 workers?',
    about: 'The same CPU work cut into tasks of a few µs up to tens of ms, sequential, parallel, hybrid and piscina: the cost per task handed over, and the size where threads start to pay.',
    load: async () => (await import('./granularity/index.ts')).granularity,
  },
  {
    name: 'hand-off',
    question: 'How small can a task be? What handing one task to another thread costs, from the physical floor to the pools users choose between, and where that time goes.',
    about:
      'Ways × sizes × rounds: the same kernel tasks (0 units, the floor, up to past the crossover; a fixed task count) through a spinning and a sleeping SharedArrayBuffer ring, bare postMessage (one and many in flight), Piscina, tinypool, workerpool, poolifier and the lab\'s parallel and hybrid paths, in a balanced order: the cost per task, the crossover, the CPU each burns.',
    load: async () => (await import('./hand-off/index.ts')).handOff,
  },
  {
    name: 'event-loop-delay',
    question: 'What does CPU work on the main thread do to every other request of an HTTP server, and which way of moving it (interleaving, a pool, batches) brings the cheap route back?',
    about: 'A real HTTP server on 127.0.0.1 with a cheap and an expensive route, loaded from another process by autocannon; the expensive work inline, interleaved, offloaded to a pool and batched.',
    load: async () => (await import('./event-loop-delay/index.ts')).eventLoopDelay,
  },
  {
    name: 'data-transfer',
    question: 'What does sending data to a worker cost, by size: a plain object, a cloned typed array, a transferred ArrayBuffer, a SharedArrayBuffer?',
    about: 'Round trips to a warm worker from 1 KB to 64 MB, with v8.serialize and deserialize timed apart; where transfer beats clone, and what size costs as much as 1 ms of work.',
    load: async () => (await import('./data-transfer/index.ts')).dataTransfer,
  },
  {
    name: 'many-tasks',
    question: 'How many waiting tasks can one thread hold, and what does each cost against a thread or a process per task?',
    about: 'N tasks (10 up to 1,000,000) each wait on a timer then compute a little: on the lab\'s scheduler, as async functions, a thread per task and a process per task (up to caps); wall time, memory and start-up per task.',
    load: async () => (await import('./many-tasks/index.ts')).manyTasks,
  },
  {
    name: 'threads-vs-processes',
    question: 'What do forked processes cost against worker threads (start-up, the tsx loader, a round trip, cpu-bound speed), and what does their isolation buy?',
    about: 'Start-up of bare Node, Node with the tsx loader and the lab\'s own workers, as threads and as processes; one task\'s round trip over each; cpu-bound speed in parallel and processes; one crash in the process pool.',
    load: async () => (await import('./threads-vs-processes/index.ts')).threadsVsProcesses,
  },
  {
    name: 'distributed',
    question: 'What does each rung of handing work over cost, from a switch on one thread to a job through a queue, and from what task size does each pay?',
    about: 'The same CPU work cut into tasks of growing size, handed to worker threads, to processes and through a BullMQ queue on Redis with the same worker count, beside a switch and an await hop: the cost of each rung and the size from which it pays.',
    load: async () => (await import('./distributed/index.ts')).distributed,
  },
];
