/* The yardstick for `make bench`: plain Brandes betweenness (Brandes 2001, "A faster algorithm for
 * betweenness centrality") over a compressed sparse row graph, one thread, no tricks: breadth-first
 * search counting shortest paths, then dependencies in reverse order from each agency's successors.
 *
 *   cc -O3 -march=native -o brandes scripts/brandes.c
 *   brandes GRAPH K
 *
 * GRAPH is written by `tsunagari-bench DIR --graph-out GRAPH`: a line "n m", then for each agency
 * v = 0 … n−1 a line with its out-degree and its out-neighbours, in the order the engine stores them.
 * The K sources are the ones the engine samples with seed 1 (SplitMix64, Fisher–Yates shuffle, the
 * first K, sorted). Prints the milliseconds per source and the sum of the dependencies (to check that
 * both programs computed the same thing).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state;
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int ascending(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: brandes GRAPH K\n"); return 2; }
    FILE *f = fopen(argv[1], "r");
    int n, k = atoi(argv[2]);
    long m;
    if (!f || fscanf(f, "%d %ld", &n, &m) != 2) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    long *offsets = malloc((n + 1) * sizeof *offsets);
    int *targets = malloc(m * sizeof *targets);
    offsets[0] = 0;
    for (int v = 0; v < n; v++) {
        int degree;
        if (fscanf(f, "%d", &degree) != 1) return 1;
        offsets[v + 1] = offsets[v] + degree;
        for (long i = offsets[v]; i < offsets[v + 1]; i++)
            if (fscanf(f, "%d", &targets[i]) != 1) return 1;
    }
    fclose(f);

    int *sources = malloc(n * sizeof *sources);
    for (int i = 0; i < n; i++) sources[i] = i;
    state = 1;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(next() % (uint64_t)(i + 1)), t = sources[i];
        sources[i] = sources[j], sources[j] = t;
    }
    if (k > n) k = n;
    qsort(sources, k, sizeof *sources, ascending);

    int *distance = malloc(n * sizeof *distance), *order = malloc(n * sizeof *order);
    double *sigma = malloc(n * sizeof *sigma), *delta = malloc(n * sizeof *delta);
    double *dependency = calloc(n, sizeof *dependency);
    for (int v = 0; v < n; v++) distance[v] = -1;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int q = 0; q < k; q++) {
        int s = sources[q], head = 0, tail = 0;
        distance[s] = 0, sigma[s] = 1, order[tail++] = s;
        while (head < tail) {
            int v = order[head++];
            for (long i = offsets[v]; i < offsets[v + 1]; i++) {
                int w = targets[i];
                if (distance[w] < 0) distance[w] = distance[v] + 1, sigma[w] = 0, order[tail++] = w;
                if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
            }
        }
        for (int j = tail - 1; j >= 0; j--) {
            int v = order[j];
            double sum = 0;
            for (long i = offsets[v]; i < offsets[v + 1]; i++) {
                int w = targets[i];
                if (distance[w] == distance[v] + 1) sum += (1 + delta[w]) / sigma[w];
            }
            delta[v] = sigma[v] * sum;
            if (v != s) dependency[v] += delta[v];
        }
        for (int j = 0; j < tail; j++) distance[order[j]] = -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double total = 0, seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    for (int v = 0; v < n; v++) total += dependency[v];
    printf("c_brandes_ms_per_source %.3f\nc_brandes_dependency_sum %.6e\n", 1000 * seconds / k, total);
    return 0;
}
