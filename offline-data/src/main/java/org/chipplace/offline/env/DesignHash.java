package org.chipplace.offline.env;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Content hash of a design as seen by {@link MacroEnv}: SHA-256 (lower-case hex) over, in order,
 * the core box, node count, every node's kind, width and height, the positions of fixed nodes,
 * net count, every net's weight and pin range, and every pin's node and offsets (all doubles as
 * IEEE bits, big-endian). Node and net names are not hashed. Two designs with the same hash give
 * the same masks, so a dataset trajectory can be replayed on any design with its hash.
 */
public final class DesignHash {
    private DesignHash() {
    }

    /** Hash of {@code nl} with the fixed nodes at their positions in {@code fixedPositions}. */
    public static String of(Netlist nl, Placement fixedPositions) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        putD(md, b, nl.coreXl());
        putD(md, b, nl.coreYl());
        putD(md, b, nl.coreXh());
        putD(md, b, nl.coreYh());
        putI(md, b, nl.numNodes());
        for (int v = 0; v < nl.numNodes(); v++) {
            putI(md, b, nl.kinds()[v]);
            putD(md, b, nl.widths()[v]);
            putD(md, b, nl.heights()[v]);
            if (!nl.isMovable(v)) {
                putD(md, b, fixedPositions.x()[v]);
                putD(md, b, fixedPositions.y()[v]);
            }
        }
        putI(md, b, nl.numNets());
        for (int e = 0; e < nl.numNets(); e++) {
            putD(md, b, nl.netWeights()[e]);
            putI(md, b, nl.netPinStart()[e + 1]);
        }
        for (int p = 0; p < nl.numPins(); p++) {
            putI(md, b, nl.pinNode()[p]);
            putD(md, b, nl.pinDx()[p]);
            putD(md, b, nl.pinDy()[p]);
        }
        b.flip();
        md.update(b);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void drain(MessageDigest md, ByteBuffer b) {
        if (b.remaining() < 8) {
            b.flip();
            md.update(b);
            b.clear();
        }
    }

    private static void putD(MessageDigest md, ByteBuffer b, double v) {
        drain(md, b);
        b.putDouble(v);
    }

    private static void putI(MessageDigest md, ByteBuffer b, int v) {
        drain(md, b);
        b.putInt(v);
    }
}
