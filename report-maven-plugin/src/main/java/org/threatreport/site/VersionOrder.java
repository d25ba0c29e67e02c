package org.threatreport.site;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders version names as people read them: {@code 2017.2 < 2017.10}, {@code 2017.0-SNAPSHOT < 2017.0 <
 * 2017.0.1 < 2018}. Numbers compare as numbers; a word after the common part (a qualifier such as
 * {@code SNAPSHOT} or {@code rc1}) comes before the release, further numbers after it.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            if (i >= left.size()) {
                return isNumber(right.get(i)) ? -1 : 1;
            }
            if (i >= right.size()) {
                return isNumber(left.get(i)) ? 1 : -1;
            }
            String x = left.get(i);
            String y = right.get(i);
            int order;
            if (isNumber(x) && isNumber(y)) {
                order = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (isNumber(x) != isNumber(y)) {
                order = isNumber(x) ? 1 : -1;
            } else {
                order = x.compareToIgnoreCase(y);
            }
            if (order != 0) {
                return order;
            }
        }
        return a.compareTo(b);
    }

    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (char c : version.toCharArray()) {
            boolean separator = c == '.' || c == '-' || c == '_' || c == '+';
            if (separator || (token.length() > 0 && Character.isDigit(c) != Character.isDigit(token.charAt(0)))) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                }
                token.setLength(0);
            }
            if (!separator) {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static boolean isNumber(String token) {
        return Character.isDigit(token.charAt(0));
    }
}
