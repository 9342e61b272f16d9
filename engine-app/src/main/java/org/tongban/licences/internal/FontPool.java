package org.tongban.licences.internal;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Parsed copies of one TrueType font. A {@link TrueTypeFont} reads its glyph tables lazily from one shared reader,
 * so it is not safe for two renderings at once; instead of one lock around one font, renderings borrow a copy,
 * parsed on demand (up to one per processor) from the bytes read once at start-up.
 */
final class FontPool {

    private final byte[] bytes;
    private final BlockingQueue<TrueTypeFont> idle;
    private final Semaphore unparsed;

    FontPool(byte[] bytes) throws IOException {
        this.bytes = bytes;
        int size = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.idle = new ArrayBlockingQueue<>(size);
        this.unparsed = new Semaphore(size);
        TrueTypeFont first = parse(); // fails start-up on a broken font, not the first licence
        if (first.getUnicodeCmapLookup() == null) {
            throw new IOException("the font has no Unicode character map");
        }
        idle.add(first);
        unparsed.acquireUninterruptibly();
    }

    private TrueTypeFont parse() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    /** An idle copy, a newly parsed one while the pool is not full, else the next one returned. */
    TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        if (unparsed.tryAcquire()) {
            try {
                return parse();
            } catch (IOException | RuntimeException e) {
                unparsed.release();
                throw e;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the licence font", e);
        }
    }

    void giveBack(TrueTypeFont font) {
        idle.add(font);
    }
}
