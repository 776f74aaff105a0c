package dev.contextgateway.lincheck;

import java.util.ArrayList;
import java.util.List;

/** Runs tasks on threads of their own, for imperative Lincheck scenarios. */
final class Threads {
  private Threads() {}

  /** Starts one thread per task and returns when all have ended. */
  static void runInParallel(Runnable... tasks) {
    List<Thread> threads = new ArrayList<>();
    for (Runnable task : tasks) {
      Thread thread = new Thread(task);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while joining " + thread.getName(), e);
      }
    }
  }
}
