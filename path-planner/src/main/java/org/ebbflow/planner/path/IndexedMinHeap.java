package org.ebbflow.planner.path;

import java.util.Arrays;

/**
 * A binary min-heap of ints 0..n−1 keyed by doubles, with decrease-key; ties are broken by the smaller int so
 * searches are deterministic. Preallocated; {@link #clear()} is O(size).
 */
final class IndexedMinHeap {
    private final int[] heap;
    private final int[] pos;
    private final double[] key;
    private int size;

    IndexedMinHeap(int capacity) {
        heap = new int[capacity];
        pos = new int[capacity];
        key = new double[capacity];
        Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }

    /** Inserts {@code v} or lowers its key; a higher key is ignored. */
    void offer(int v, double k) {
        int p = pos[v];
        if (p < 0) {
            p = size++;
            heap[p] = v;
            pos[v] = p;
            key[v] = k;
            up(p);
        } else if (k < key[v]) {
            key[v] = k;
            up(p);
        }
    }

    int poll() {
        int top = heap[0];
        pos[top] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            pos[heap[0]] = 0;
            down(0);
        }
        return top;
    }

    private boolean less(int a, int b) {
        return key[a] < key[b] || key[a] == key[b] && a < b;
    }

    private void up(int p) {
        int v = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int u = heap[parent];
            if (!less(v, u)) {
                break;
            }
            heap[p] = u;
            pos[u] = p;
            p = parent;
        }
        heap[p] = v;
        pos[v] = p;
    }

    private void down(int p) {
        int v = heap[p];
        while (true) {
            int c = 2 * p + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(heap[c + 1], heap[c])) {
                c++;
            }
            if (!less(heap[c], v)) {
                break;
            }
            heap[p] = heap[c];
            pos[heap[p]] = p;
            p = c;
        }
        heap[p] = v;
        pos[v] = p;
    }
}
