package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;

/**
 * The fixed pin layout that {@link NetBoxes} works on: the pins of every net ({@code ps},
 * {@code pinNode}), the net of every pin ({@code pinNet}), the pins of every node ({@code nodePinStart},
 * {@code nodePins}), net weights and pin offsets from the node's lower-left corner, so that a pin sits
 * at {@code x + w/2 + dx} (orientation ignored). Nothing here changes during detailed placement.
 */
abstract sealed class NetPins permits NetBoxes {
    /** Pins of net e: {@code ps[e] .. ps[e+1]-1}. */
    final int[] ps;
    final int[] pinNode;
    final int[] pinNet;
    /** Pin offsets from the node's lower-left corner. */
    final double[] pox;
    final double[] poy;
    final double[] wt;
    /** Pin slots of node v: {@code nodePinStart[v] .. nodePinStart[v+1]-1}, pins {@code nodePins[k]}. */
    final int[] nodePinStart;
    final int[] nodePins;

    NetPins(Netlist nl) {
        ps = nl.netPinStart();
        pinNode = nl.pinNode();
        wt = nl.netWeights();
        nodePinStart = nl.nodePinStart();
        nodePins = nl.nodePins();
        pox = new double[pinNode.length];
        poy = new double[pinNode.length];
        for (int q = 0; q < pinNode.length; q++) {
            pox[q] = nl.widths()[pinNode[q]] / 2 + nl.pinDx()[q];
            poy[q] = nl.heights()[pinNode[q]] / 2 + nl.pinDy()[q];
        }
        pinNet = new int[pinNode.length];
        for (int e = 0; e < nl.numNets(); e++) {
            Arrays.fill(pinNet, ps[e], ps[e + 1], e);
        }
    }

    /** Nets of node v: {@code pinNet[nodePins[k]]} for k in the node's pin range. */
    int pinStart(int v) {
        return nodePinStart[v];
    }

    int pinEnd(int v) {
        return nodePinStart[v + 1];
    }

    int netOfPinSlot(int k) {
        return pinNet[nodePins[k]];
    }

    /** Pin x offset from the node's lower-left corner, for pin slot k of {@link #pinStart}. */
    double pinOffsetX(int k) {
        return pox[nodePins[k]];
    }

    double pinOffsetY(int k) {
        return poy[nodePins[k]];
    }

    double weight(int e) {
        return wt[e];
    }

    int degree(int e) {
        return ps[e + 1] - ps[e];
    }
}
