package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LefDef#writeDef(DefDesign, List, List, Path)}: a DEF's COMPONENTS section replaced by a given list. */
class DefComponentsWriterTest {
    @Test
    void replacedComponentsReadBackWithTheirPositionsAndTheRestOfTheDefIsKept(@TempDir Path dir) throws Exception {
        DefDesign d = LefDefFixtures.design();
        List<DefDesign.Component> comps = new ArrayList<>();
        for (DefDesign.Component c : d.components()) {
            String status = c.isFixed() ? c.status() : "PLACED";
            comps.add(new DefDesign.Component(c.name(), c.macro(), status, c.x() + 200, c.y(), c.orient()));
        }
        Path out = dir.resolve("out.def");
        LefDef.writeDef(d, comps, null, out);
        DefDesign back = LefDef.readDef(d.library(), out);
        assertThat(back.components()).containsExactlyElementsOf(comps);
        assertThat(back.netlist().numNets()).isEqualTo(d.netlist().numNets());
        assertThat(back.netlist().rows()).containsExactly(d.netlist().rows());
        assertThat(back.dieArea()).containsExactly(d.dieArea());
    }

    @Test
    void aDefWithoutComponentsGetsASectionBeforeItsPinsWithEscapedNamesAndHalos(@TempDir Path dir) throws Exception {
        DefDesign d = LefDefFixtures.design();
        String text = Files.readString(LefDefFixtures.resource("design.def"), StandardCharsets.ISO_8859_1);
        int s = text.indexOf("\nCOMPONENTS ") + 1;
        int e = text.indexOf("END COMPONENTS") + "END COMPONENTS".length() + 1;
        String stripped = text.substring(0, s) + text.substring(e).replaceAll("(?ms)^NETS \\d+ ;.*END NETS\\s*", "");
        Path fpFile = dir.resolve("fp.def");
        Files.writeString(fpFile, stripped, StandardCharsets.ISO_8859_1);
        DefDesign fp = LefDef.readDef(d.library(), fpFile);
        assertThat(fp.components()).isEmpty();
        DefDesign.Component ram = d.components().stream().filter(c -> c.macro().equals("RAM")).findFirst()
                .orElseThrow();
        List<DefDesign.Component> comps = List.of(
                new DefDesign.Component("core/mem[0].ram", ram.macro(), "PLACED", 20000, 4000, "FN"),
                new DefDesign.Component("u\\[1\\]", d.components().get(0).macro(), "PLACED", 10000, 4000, "N"));
        Path out = dir.resolve("placed.def");
        LefDef.writeDef(fp, comps, java.util.Arrays.asList(new double[] {1000, 1000, 1000, 1000}, null), out);
        String written = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertThat(written.indexOf("COMPONENTS 2 ;")).isLessThan(written.indexOf("PINS"));
        assertThat(written).contains("- core/mem\\[0\\].ram " + ram.macro() + " + PLACED ( 20000 4000 ) FN\n  + HALO 1000 1000 1000 1000 ;");
        DefDesign back = LefDef.readDef(d.library(), out);
        assertThat(back.components()).extracting(DefDesign.Component::name).containsExactly("core/mem\\[0\\].ram", "u\\[1\\]");
        assertThat(back.components().get(0).orient()).isEqualTo("FN");
        assertThat(DefComponentsWriter.escape("a[1]/b\\[2\\] c")).isEqualTo("a\\[1\\]/b\\[2\\]\\ c");
    }
}
