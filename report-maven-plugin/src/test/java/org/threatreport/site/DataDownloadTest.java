package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataDownloadTest {

    @Test
    void aTableWithoutFormulasIsCopiedByteForByte() {
        byte[] csv = "\uFEFFid,n,summary\r\nA1,-5,\"Defaced, \"\"urgent\"\"\"\r\nA2,+3,ok\n".getBytes(StandardCharsets.UTF_8);
        assertSame(csv, DataDownload.of(csv, StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheCellsASpreadsheetWouldRunAreMarkedAndQuoted() {
        String csv = "\uFEFFid,n,summary\r\n"
                + "A1,-5,=HYPERLINK(\"http://evil.example\";\"click\")\r\n"
                + "A2,+3,\"@SUM(A1:A9), then \"\"more\"\"\"\r\n"
                + "A3,7,-2+3\r\n"
                + "A4,,\n";
        String expected = "\uFEFFid,n,summary\r\n"
                + "A1,-5,\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"click\"\")\"\r\n"
                + "A2,+3,\"'@SUM(A1:A9), then \"\"more\"\"\"\r\n"
                + "A3,7,\"'-2+3\"\r\n"
                + "A4,,\n";
        assertEquals(expected, new String(DataDownload.of(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Test
    void aFileInAnotherEncodingStaysInIt() {
        Charset gbk = Charset.forName("GBK");
        byte[] csv = "编号,摘要\n1,=钓鱼邮件\n".getBytes(gbk);
        assertArrayEquals("编号,摘要\n1,\"'=钓鱼邮件\"\n".getBytes(gbk), DataDownload.of(csv, gbk));
    }
}
