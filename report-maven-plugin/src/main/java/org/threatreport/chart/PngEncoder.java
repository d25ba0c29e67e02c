package org.threatreport.chart;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder for opaque RGB images. ImageIO's writer tries every row filter and compresses
 * at the highest level, which took ~40 ms of a ~55 ms chart. Rows go unfiltered to deflate level 3:
 * charts are mostly runs of one colour and rows that repeat the row above, which deflate finds by
 * itself (the "Up" filter made the flagship's PNGs 6 % smaller, for three times the encoding time and
 * a per-byte loop; level 6, ~15 % smaller, for twice the time; the pages use the SVG, so the PNG's
 * speed matters more than its last kilobytes). No time stamp or other varying chunk is written, so the
 * same pixels always give the same bytes.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_NONE = 0;
    private static final int DEFLATE_LEVEL = 3;

    private PngEncoder() {
    }

    /** @param rgb the pixels, row after row, three bytes (red, green, blue) each */
    static byte[] encode(byte[] rgb, int width, int height) {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width + " × " + height + " RGB pixels, got "
                    + rgb.length + " bytes");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            out.write(SIGNATURE);
            ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put(new byte[] {8, 2, 0, 0, 0}); // 8 bits, truecolour, deflate, adaptive filters, no interlace
            chunk(out, "IHDR", header.array());
            chunk(out, "IDAT", compressed(rgb, width * 3, height));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    private static byte[] compressed(byte[] rgb, int rowBytes, int height) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(64 * 1024);
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                z.write(FILTER_NONE);
                z.write(rgb, y * rowBytes, rowBytes);
            }
        } finally {
            deflater.end();
        }
        return data.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }
}
