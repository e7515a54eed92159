package org.chipplace.api.service.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.junit.jupiter.api.Test;

class DesignFilesTest {

    @Test
    void bookshelfUploadIsReadThroughItsAux() {
        DesignFiles f = DesignFiles.of(List.of("d.aux", "d.nodes.gz", "d.nets", "d.pl", "d.scl"));
        assertThat(f.format()).isEqualTo(DesignFormat.BOOKSHELF);
        assertThat(f.main()).isEqualTo("d.aux");
        assertThat(f.lefs()).isEmpty();
    }

    @Test
    void lefDefUploadKeepsTheLefsInUploadOrder() {
        DesignFiles f = DesignFiles.of(List.of("z/tech.LEF", "d.def.gz", "cells.lef.gz", "a.lef"));
        assertThat(f.format()).isEqualTo(DesignFormat.LEFDEF);
        assertThat(f.main()).isEqualTo("d.def.gz");
        assertThat(f.lefs()).containsExactly("z/tech.LEF", "cells.lef.gz", "a.lef");
    }

    @Test
    void aMixOfBookshelfAndLefDefIsRejectedNamingBoth() {
        assertThatThrownBy(() -> DesignFiles.of(List.of("d.aux", "d.nodes", "t.lef", "d.def")))
                .isInstanceOf(BadRequest.class)
                .hasMessage("an upload holds one design in one format, found Bookshelf files [d.aux, d.nodes] "
                        + "and LEF/DEF files [t.lef, d.def]");
    }

    @Test
    void severalDefsADefWithoutLefAndLefsWithoutDefAreRejected() {
        assertThatThrownBy(() -> DesignFiles.of(List.of("t.lef", "a.def", "b.def")))
                .isInstanceOf(BadRequest.class)
                .hasMessage("expected exactly one .def file in the upload, found 2 [a.def, b.def]");
        assertThatThrownBy(() -> DesignFiles.of(List.of("d.def")))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("a .def needs its LEF libraries: found d.def but no .lef file");
        assertThatThrownBy(() -> DesignFiles.of(List.of("t.lef", "c.lef")))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("LEF files [t.lef, c.lef] without a .def");
    }

    @Test
    void noAuxAndNoDefKeepsTheBookshelfMessage() {
        assertThatThrownBy(() -> DesignFiles.of(List.of("d.nodes")))
                .isInstanceOf(BadRequest.class)
                .hasMessage("expected exactly one .aux file in the upload, found 0");
    }

    @Test
    void formatKeysRoundTrip() {
        for (DesignFormat f : DesignFormat.values()) {
            assertThat(DesignFormat.of(f.key())).isEqualTo(f);
        }
        assertThatThrownBy(() -> DesignFormat.of("verilog")).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aPbNetlistIsCircuitTrainingWithItsFloorplanLefsThenDef() {
        DesignFiles alone = DesignFiles.of(java.util.List.of("ariane.pb.txt.gz"));
        org.assertj.core.api.Assertions.assertThat(alone.format()).isEqualTo(DesignFormat.CIRCUIT_TRAINING);
        org.assertj.core.api.Assertions.assertThat(alone.main()).isEqualTo("ariane.pb.txt.gz");
        org.assertj.core.api.Assertions.assertThat(alone.lefs()).isEmpty();
        DesignFiles fp = DesignFiles.of(java.util.List.of("fp.def", "tech.lef", "netlist.pb.txt", "cells.lef"));
        org.assertj.core.api.Assertions.assertThat(fp.main()).isEqualTo("netlist.pb.txt");
        org.assertj.core.api.Assertions.assertThat(fp.lefs()).containsExactly("tech.lef", "cells.lef", "fp.def");
        for (java.util.List<String> bad : java.util.List.of(java.util.List.of("a.pb.txt", "b.pb.txt"),
                java.util.List.of("a.pb.txt", "t.lef"), java.util.List.of("a.pb.txt", "fp.def"),
                java.util.List.of("a.pb.txt", "x.aux"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesignFiles.of(bad)).as(bad.toString())
                    .isInstanceOf(org.chipplace.api.service.ServiceErrors.BadRequest.class);
        }
    }
}
