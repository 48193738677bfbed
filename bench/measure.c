/* measure.c - runs a command and reports its wall time and peak memory.
 *
 * Usage: measure RESULT_FILE COMMAND [ARG...]
 * Runs COMMAND (standard streams inherited), waits for it and appends
 * "WALL_SECONDS MAXRSS_KIB EXIT_STATUS CPU_SECONDS" as one line to
 * RESULT_FILE. The wall time runs from just before fork() to the end of
 * wait4() (CLOCK_MONOTONIC); the peak resident set size is the child's
 * ru_maxrss and the CPU time its user + system time, both from wait4().
 * Exits with the command's status (128 + signal when it was killed).
 * Part of the benchmark harness (bash bench/run.sh), not of parallax.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure RESULT_FILE COMMAND [ARG...]\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      perror("measure: wait4");
      return 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE *f = fopen(argv[1], "a");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
               (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  fprintf(f, "%.6f %ld %d %.6f\n", wall, (long)ru.ru_maxrss, code, cpu);
  if (fclose(f)) {
    perror(argv[1]);
    return 2;
  }
  return code;
}
