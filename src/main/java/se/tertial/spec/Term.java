package se.tertial.spec;

/** One operand of a sum or formula: a code, added or subtracted. */
public record Term<C>(C code, boolean negated) {
    public int factor() {
        return negated ? -1 : 1;
    }
}
