package org.newsroom.publish.stream;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A queue that refuses elements beyond its capacity but takes memory only for what it holds: a
 * subscriber's buffer is empty almost always, and an {@code ArrayBlockingQueue} of the full
 * capacity (with its lock) was a kilobyte per idle connection. One producer (the hub) and one
 * consumer (the subscriber's stream) at a time.
 */
final class BoundedQueue<E> extends AbstractQueue<E> {

    private final ConcurrentLinkedQueue<E> elements = new ConcurrentLinkedQueue<>();

    private final AtomicInteger size = new AtomicInteger();

    private final int capacity;

    BoundedQueue(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean offer(E element) {
        if (size.get() >= capacity) {
            return false;
        }
        elements.offer(element);
        size.incrementAndGet();
        return true;
    }

    @Override
    public @Nullable E poll() {
        E element = elements.poll();
        if (element != null) {
            size.decrementAndGet();
        }
        return element;
    }

    @Override
    public @Nullable E peek() {
        return elements.peek();
    }

    @Override
    public int size() {
        return size.get();
    }

    @Override
    public Iterator<E> iterator() {
        return elements.iterator();
    }
}
