package vn.ocop.evaluation.ruleset;

/**
 * The star bands of the OCOP score: 1★ below 30 points, 2★ 30–49, 3★ 50–69, 4★ 70–89,
 * 5★ 90–100. Only 3★ and above are certified OCOP products.
 */
public final class Stars {

    public static final int CERTIFIED_MINIMUM = 3;

    private Stars() {
    }

    public static int forScore(double averageScore) {
        if (averageScore < 0 || averageScore > 100) {
            throw new IllegalArgumentException("a score lies between 0 and 100, not " + averageScore);
        }
        if (averageScore < 30) {
            return 1;
        }
        if (averageScore < 50) {
            return 2;
        }
        if (averageScore < 70) {
            return 3;
        }
        if (averageScore < 90) {
            return 4;
        }
        return 5;
    }

    /** The lowest score of a band, for reasons a producer can act on. */
    public static int lowerBound(int stars) {
        return switch (stars) {
            case 1 -> 0;
            case 2 -> 30;
            case 3 -> 50;
            case 4 -> 70;
            case 5 -> 90;
            default -> throw new IllegalArgumentException("stars run from 1 to 5, not " + stars);
        };
    }
}
