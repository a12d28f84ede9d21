package vn.ocop.evaluation.ruleset;

import java.util.List;

/**
 * The star bands of a rule set: the lowest mean score of each star level, 1★ first (e.g. 0, 30,
 * 50, 70, 90), and the fewest stars that make a certified OCOP product.
 */
public record StarBands(List<Double> lowerBounds, int certifiedMinimum) {

    public StarBands {
        lowerBounds = List.copyOf(lowerBounds);
        if (lowerBounds.isEmpty() || lowerBounds.getFirst() != 0) {
            throw new IllegalArgumentException("the 1-star band starts at 0 points");
        }
        for (int i = 1; i < lowerBounds.size(); i++) {
            if (lowerBounds.get(i) <= lowerBounds.get(i - 1) || lowerBounds.get(i) > 100) {
                throw new IllegalArgumentException("star bands rise strictly within 0 to 100: " + lowerBounds);
            }
        }
        if (certifiedMinimum < 1 || certifiedMinimum > lowerBounds.size()) {
            throw new IllegalArgumentException("no star level " + certifiedMinimum);
        }
    }

    public int maxStars() {
        return lowerBounds.size();
    }

    public int starsFor(double averageScore) {
        if (averageScore < 0 || averageScore > 100) {
            throw new IllegalArgumentException("a score lies between 0 and 100, not " + averageScore);
        }
        int stars = 1;
        while (stars < lowerBounds.size() && averageScore >= lowerBounds.get(stars)) {
            stars++;
        }
        return stars;
    }

    /** The lowest score of a band, for reasons a producer can act on. */
    public double lowerBound(int stars) {
        if (stars < 1 || stars > lowerBounds.size()) {
            throw new IllegalArgumentException("stars run from 1 to " + lowerBounds.size() + ", not " + stars);
        }
        return lowerBounds.get(stars - 1);
    }
}
