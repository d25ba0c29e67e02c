package org.threatreport.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.threatreport.model.ReportInfo;

/**
 * Makes a PDF depend only on what it shows: PDFBox and the layout engine would write the clock's
 * time and a random file id. The dates become the report's publication date (midnight UTC), in the
 * document information and in the XMP metadata, and the id a hash of the laid-out content.
 */
final class Reproducible {

    private static final Pattern XMP_DATE = Pattern.compile(
            "(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>|\\sxmp:(?:CreateDate|ModifyDate|MetadataDate)=\")([^<\"]*)");

    private Reproducible() {
    }

    /** @param content what the document shows (its laid-out HTML and its font), for the id */
    static void finish(PDDocument document, ReportInfo info, String content) throws IOException {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        date.clear();
        date.set(info.date().getYear(), info.date().getMonthValue() - 1, info.date().getDayOfMonth());
        PDDocumentInformation information = document.getDocumentInformation();
        information.setCreationDate(date);
        information.setModificationDate(date);

        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            String xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String stamp = info.date() + "T00:00:00Z";
            String fixed = XMP_DATE.matcher(xmp).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + stamp));
            try (OutputStream out = metadata.getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
                out.write(fixed.getBytes(StandardCharsets.UTF_8));
            }
        }

        byte[] id = Arrays.copyOf(sha256(content + '\n' + info.version() + '\n' + info.date()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().setDocumentID(ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
