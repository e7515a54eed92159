package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code place} and {@code evaluate} on LEF/DEF input, end to end through the placed DEF. */
class LefDefCommandTest {
    static final Path LEF_DIR = Path.of("..", "netlist-io", "src", "test", "resources", "lefdef");

    /** A floorplanned DEF: 16 rows alternating N/FS, 240 unplaced INV/NAND2 cells, 4 I/O pins. */
    static String def(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("VERSION 5.8 ;\nDESIGN small ;\nUNITS DISTANCE MICRONS 1000 ;\n");
        sb.append("DIEAREA ( 0 0 ) ( 44000 36000 ) ;\n");
        for (int r = 0; r < 16; r++) {
            sb.append("ROW row").append(r).append(" core 2000 ").append(2000 + r * 2000).append(r % 2 == 0 ? " N" : " FS")
                    .append(" DO 200 BY 1 STEP 200 0 ;\n");
        }
        int n = 240;
        sb.append("COMPONENTS ").append(n).append(" ;\n");
        for (int i = 0; i < n; i++) {
            sb.append("  - u").append(i).append(i % 3 == 0 ? " NAND2" : " INV").append(" + UNPLACED ;\n");
        }
        sb.append("END COMPONENTS\nPINS 4 ;\n");
        String[] pins = {"a ( 0 18000 )", "b ( 44000 18000 )", "c ( 22000 0 )", "d ( 22000 36000 )"};
        for (int i = 0; i < 4; i++) {
            sb.append("  - ").append(pins[i], 0, 1).append(" + NET p").append(i).append(" + DIRECTION INPUT + FIXED ")
                    .append(pins[i].substring(2)).append(" N ;\n");
        }
        sb.append("END PINS\nNETS ").append(n + 4).append(" ;\n");
        for (int e = 0; e < n; e++) {
            int driver = e;
            int sink = Math.floorMod(e + 1 + rnd.nextInt(6), n);
            sb.append("  - n").append(e).append(" ( u").append(driver).append(" Y ) ( u").append(sink).append(" A ) ;\n");
        }
        for (int i = 0; i < 4; i++) {
            sb.append("  - p").append(i).append(" ( PIN ").append(pins[i], 0, 1).append(" ) ( u").append(i * 60)
                    .append(" A ) ;\n");
        }
        return sb.append("END NETS\nEND DESIGN\n").toString();
    }

    @Test
    void placingADefWritesALegalPlacedDef(@TempDir Path dir) throws IOException {
        Path def = dir.resolve("small.def");
        Files.writeString(def, def(3));
        String tech = LEF_DIR.resolve("tech.lef").toString();
        String cells = LEF_DIR.resolve("cells.lef").toString();
        Path out = dir.resolve("out");
        EvaluateCommandTest.Run r = PlaceCommandTest.run("place", "--lef", tech, "--lef", cells, "--def", def.toString(),
                "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        assertThat(report.get("metrics").get("cells").asInt()).isEqualTo(240);

        Path placed = out.resolve("small.def");
        assertThat(placed).exists();
        String text = Files.readString(placed);
        assertThat(text).contains("+ PLACED").doesNotContain("UNPLACED");
        EvaluateCommandTest.Run eval = PlaceCommandTest.run("evaluate", "--lef", tech, "--lef", cells, "--def",
                placed.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode m = Json.MAPPER.readTree(eval.out());
        assertThat(m.get("legal").asBoolean()).isTrue();
        // cells on FS rows are written flipped, which moves their pins: the report carries the HPWL
        // of the DEF as written, and it is what evaluate measures on that file
        assertThat(m.get("hpwl").asDouble()).isEqualTo(report.get("defHpwl").asDouble());
        assertThat(m.get("hpwl").asDouble()).isCloseTo(report.get("metrics").get("hpwl").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void defWithoutLefIsAnInputError(@TempDir Path dir) throws IOException {
        Path def = dir.resolve("small.def");
        Files.writeString(def, def(1));
        EvaluateCommandTest.Run r = PlaceCommandTest.run("evaluate", "--def", def.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lef");
    }

    @Test
    void auxAndDefTogetherAreAnInputError(@TempDir Path dir) {
        EvaluateCommandTest.Run r = PlaceCommandTest.run("evaluate", "--aux", EvaluateCommandTest.TINY.toString(),
                "--lef", LEF_DIR.resolve("tech.lef").toString(), "--def", dir.resolve("x.def").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("either --aux or --lef/--def");
    }

    @Test
    void unknownMacroInDefGivesFileLineError(@TempDir Path dir) throws IOException {
        Path def = dir.resolve("bad.def");
        Files.writeString(def, def(1).replace("u5 INV", "u5 NOSUCHCELL"));
        EvaluateCommandTest.Run r = PlaceCommandTest.run("evaluate", "--lef", LEF_DIR.resolve("tech.lef").toString(),
                "--lef", LEF_DIR.resolve("cells.lef").toString(), "--def", def.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: bad.def:").contains("NOSUCHCELL").doesNotContain("\tat ");
    }
}
