package dev.wengert.cli;

import java.util.Locale;

/** Number and table formatting shared by the commands; locale-independent. */
final class Fmt {

    private Fmt() {
    }

    /**
     * @param v a number
     * @return it with up to 12 significant digits, trailing zeros dropped: 7, 0.5, 0.999972464309, 1.5e-07
     */
    static String num(double v) {
        return num(v, 12);
    }

    /**
     * @param v a number
     * @param digits significant digits
     * @return it with up to that many significant digits, trailing zeros dropped
     */
    static String num(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return v == 0 ? (1 / v < 0 ? "-0" : "0") : String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exponent;
    }

    /**
     * @param v a number
     * @return it to 6 significant digits, for drawings
     */
    static String num6(double v) {
        return num(v, 6);
    }

    /**
     * @param v a relative difference
     * @return it as 1.2e-10, or 0
     */
    static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }

    /**
     * @param nanos a duration
     * @return it in µs or ms, 3 significant digits
     */
    static String time(double nanos) {
        if (nanos < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.3g us", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
    }

    /**
     * @param s text
     * @param width a width
     * @return s padded on the right
     */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * @param s text
     * @param width a width
     * @return s padded on the left
     */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /**
     * @param s text
     * @return it as a JSON string literal
     */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * @param v a number
     * @return it as JSON: finite numbers exactly, NaN and ±∞ as strings
     */
    static String json(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "\"" + v + "\"";
    }

    /**
     * @param s a CSV field
     * @return it quoted when it holds a comma, quote or line break
     */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
