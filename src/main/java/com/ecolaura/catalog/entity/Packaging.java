package com.ecolaura.catalog.entity;

/** How a product ships, best first. */
public enum Packaging {
    PLASTIC_FREE(100),
    COMPOSTABLE(90),
    RECYCLED(70),
    RECYCLABLE(55),
    CONVENTIONAL(15);

    private final int score;

    Packaging(int score) {
        this.score = score;
    }

    /** 0–100: what this packaging contributes to a sustainability score. */
    public int score() {
        return score;
    }
}
