package org.threatreport.pdf;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's validator, on a PDF: the rules of a flavour it fails. */
final class VeraPdf {

    private VeraPdf() {
    }

    /** Each failed rule once, as {@code clause-test: message}; empty when the file conforms. */
    static List<String> failures(Path pdf, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (VeraPDFFoundry foundry = Foundries.defaultInstance();
             InputStream in = Files.newInputStream(pdf);
             PDFAValidator validator = foundry.createValidator(flavour, false);
             PDFAParser parser = foundry.createParser(in, flavour)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage().replaceAll("\\s+", " "))
                    .distinct().toList();
            if (failed.isEmpty() && !result.isCompliant()) {
                return List.of("not compliant, without a failed rule");
            }
            return failed;
        }
    }
}
