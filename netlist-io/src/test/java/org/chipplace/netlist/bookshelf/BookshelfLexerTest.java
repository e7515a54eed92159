package org.chipplace.netlist.bookshelf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BookshelfLexerTest {

    private static BookshelfLexer lexer(String text) {
        return new BookshelfLexer("x", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static double parse(String token) {
        BookshelfLexer lx = lexer(token);
        assertThat(lx.nextLine()).isTrue();
        return lx.parseNumber(0, token.length());
    }

    @Test
    void numbersParseExactlyLikeDoubleParseDouble() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20000; i++) {
            String s = switch (i % 5) {
                case 0 -> Long.toString(rnd.nextLong(-100000, 100000));
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", (rnd.nextDouble() - 0.5) * 1e4);
                case 2 -> Double.toString((rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-30, 30)));
                case 3 -> rnd.nextLong(0, 1L << 62) + "." + rnd.nextLong(0, 1000000000000L);
                default -> "-0." + "0".repeat(rnd.nextInt(0, 25)) + rnd.nextInt(1, 999);
            };
            assertThat(Double.doubleToRawLongBits(parse(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Test
    void nonNumbersAndNonFiniteValuesAreRejected() {
        for (String s : new String[] {"NaN", "Infinity", "-Infinity", "1e999", "0x10", "1d", "1f", "-", ".", "1e",
            "1.2.3", "e5", "+-1", "12a"}) {
            assertThat(parse(s)).as(s).isNaN();
        }
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse("+3")).isEqualTo(3.0);
        assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void colonsAreTokensCommentsAreSkippedAndLinesAreCounted() {
        BookshelfLexer lx = lexer("# head\r\n\r\nNumNodes:4 # trailing\r\n\ta\t1  2 terminal\n\n# c\nlast");

        assertThat(lx.nextLine()).isTrue();
        assertThat(lx.line()).isEqualTo(3);
        assertThat(lx.count()).isEqualTo(3);
        assertThat(lx.keyCount("NumNodes")).isEqualTo(4);
        assertThat(lx.nextLine()).isTrue();
        assertThat(lx.line()).isEqualTo(4);
        assertThat(lx.lineText()).isEqualTo("a 1 2 terminal");
        lx.unread();
        assertThat(lx.nextLine()).isTrue();
        assertThat(lx.line()).isEqualTo(4);
        assertThat(lx.nextLine()).isTrue();
        assertThat(lx.line()).isEqualTo(7);
        assertThat(lx.str(0)).isEqualTo("last");
        assertThat(lx.nextLine()).isFalse();
    }
}
