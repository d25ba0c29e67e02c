package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The change of a count, share or measure from an earlier year to the year of a view, in the words of
 * the report's language: "较上年增长 23.1%" / "up 23.1% on 2016", "与上年持平" / "unchanged on 2016". A change
 * from 0 or between values that cannot be compared says so in words (never Infinity or NaN).
 *
 * <p>Counts and measures change in percent of the earlier value ({@code (now - before) / before · 100},
 * rounded half-up), or by their difference ({@link #difference()}); shares change in percentage points:
 * the difference of the two shares as printed (rounded to the same decimals), so that readers can check
 * it against the two numbers. A change that rounds to 0 is "unchanged".
 */
public final class Change {

    private enum Kind { PERCENT, AMOUNT, POINTS }

    private final BigDecimal now;
    private final BigDecimal before;
    private final Kind kind;
    /**
     * The decimals asked for ({@link #digits}), else {@link Measured#DEFAULT}: a percent then has one, a
     * difference at most one, points those of the shares.
     */
    private final int decimals;
    private final int year;
    private final int compared;
    private final Wording wording;
    /** Why the two cannot be compared: a value missing, or a share of too few rows; null when they can. */
    private final String incomparable;

    private Change(BigDecimal now, BigDecimal before, Kind kind, int decimals, int year, int compared, Wording wording,
                   String incomparable) {
        this.now = now;
        this.before = before;
        this.kind = kind;
        this.decimals = decimals;
        this.year = year;
        this.compared = compared;
        this.wording = wording;
        this.incomparable = incomparable;
    }

    /** The change of a count from {@code compared} to {@code year}. */
    static Change ofCounts(long now, long before, int year, int compared, Wording wording) {
        return new Change(BigDecimal.valueOf(now), BigDecimal.valueOf(before), Kind.PERCENT, Measured.DEFAULT, year,
                compared, wording, null);
    }

    /** The change of a share, in percentage points. */
    static Change ofShares(Share now, Share before, int year, int compared, Wording wording) {
        String incomparable = now.suppressed() || before.suppressed() ? wording.notComparable(year, compared, true) : null;
        return new Change(now.percent(), before.percent(), Kind.POINTS, now.decimals(), year, compared, wording,
                incomparable);
    }

    /** The change of a measure from the same measure of the year before. */
    static Change of(Measured now, Measured before) {
        int year = now.year();
        int compared = before.year();
        String incomparable = now.value() == null || before.value() == null
                ? now.wording().notComparable(year, compared, false) : null;
        return new Change(now.value(), before.value(), Kind.PERCENT, Measured.DEFAULT, year, compared, now.wording(),
                incomparable);
    }

    /**
     * The same change as a difference: "up 217 on 2016" (a share's is always in points). Without {@link #digits}
     * it prints as a measure does: rounded half-up to at most one decimal, so a count's difference has none.
     */
    public Change difference() {
        if (kind == Kind.POINTS) {
            return this;
        }
        return new Change(now, before, Kind.AMOUNT, decimals, year, compared, wording, incomparable);
    }

    /** The same change with {@code count} decimals (0 to 6). */
    public Change digits(int count) {
        if (count < 0 || count > 6) {
            throw new IllegalArgumentException("digits(" + count + "): a change prints with 0 to 6 decimals");
        }
        return new Change(now, before, kind, count, year, compared, wording, incomparable);
    }

    /**
     * The change as a signed number as printed: the percent, the difference or the points; null when it has
     * none (a count from 0, values that cannot be compared).
     */
    public BigDecimal amount() {
        if (incomparable != null) {
            return null;
        }
        return switch (kind) {
            case PERCENT -> before.signum() == 0 ? null
                    : now.subtract(before).multiply(BigDecimal.valueOf(100))
                            .divide(before.abs(), decimals < 0 ? 1 : decimals, RoundingMode.HALF_UP);
            case AMOUNT -> atMostOneDecimal(now.subtract(before));
            case POINTS -> now.setScale(decimals, RoundingMode.HALF_UP).subtract(before.setScale(decimals, RoundingMode.HALF_UP));
        };
    }

    /** With the decimals asked for, else as a measure prints: rounded to one decimal, a trailing zero dropped. */
    private BigDecimal atMostOneDecimal(BigDecimal number) {
        if (decimals >= 0) {
            return number.setScale(decimals, RoundingMode.HALF_UP);
        }
        BigDecimal one = number.setScale(1, RoundingMode.HALF_UP);
        return one.stripTrailingZeros().scale() <= 0 ? one.setScale(0, RoundingMode.UNNECESSARY) : one;
    }

    public int year() {
        return year;
    }

    /** The year compared with. */
    public int since() {
        return compared;
    }

    /** Short and signed, for tables: "+23.1%", "−4.0%", "+2.3 pp", "±0" — or "—" when it has no number. */
    public String signed() {
        BigDecimal amount = amount();
        if (amount == null) {
            return incomparable == null && before.signum() == 0 && now.signum() != 0 ? "+" + plain(now) : "—";
        }
        String sign = amount.signum() > 0 ? "+" : amount.signum() < 0 ? "−" : "±";
        String number = wording.number(amount.abs());
        return sign + number + switch (kind) {
            case PERCENT -> "%";
            case AMOUNT -> "";
            case POINTS -> wording.chinese() ? " 个百分点" : " pp";
        };
    }

    private String plain(BigDecimal value) {
        return wording.number(value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY)
                : atMostOneDecimal(value));
    }

    @Override
    public String toString() {
        if (incomparable != null) {
            return incomparable;
        }
        BigDecimal amount = amount();
        if (amount == null) {
            return now.signum() == 0 ? wording.unchanged(year, compared) : wording.fromZero(plain(now), year, compared);
        }
        String number = wording.number(amount.abs());
        return switch (kind) {
            case PERCENT -> wording.changePercent(amount.signum(), number + "%", year, compared);
            case AMOUNT -> wording.changeAmount(amount.signum(), number, year, compared);
            case POINTS -> wording.changePoints(amount.signum(), number, year, compared);
        };
    }
}
