package org.chipplace.gnn;

/**
 * Device {@code gpu} was asked for but the PyTorch engine has no CUDA device: the build bundles the
 * CPU engine ({@code pytorch-native-cpu}, the default; build with the {@code cuda} Maven profile,
 * {@code -Pcuda}, for the CUDA one), or the CUDA engine sees no GPU on this machine. An invalid
 * option on this machine, not a crash: the message is one line meant for the user.
 */
public final class NoCudaDeviceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The reason, one line (see {@link PyTorch#device}). */
    public NoCudaDeviceException(String message) {
        super(message);
    }
}
