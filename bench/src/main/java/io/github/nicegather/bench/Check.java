package io.github.nicegather.bench;

/**
 * One check of a target, a line of bench/targets.txt: {@code TARGET | WHAT | LEFT | OP | RIGHT}.
 *
 * @param target the target's number in the issue
 * @param what the check in words, as the report shows it
 * @param left the measured side
 * @param op {@code <=} or {@code >=}
 * @param right the bound
 */
record Check(int target, String what, Operand left, String op, Operand right) {

  /** What a check, or a target, came to. */
  enum Verdict {
    MET("met"),
    NOT_MET("not met"),
    NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  Check {
    if (!op.equals("<=") && !op.equals(">=")) {
      throw new IllegalArgumentException("target " + target + ", " + what + ": op " + op);
    }
  }

  /** Met or not, or not measured when a line either side reads is missing. */
  Verdict verdict(Results results) {
    Double measured = left.value(results);
    Double bound = right.value(results);
    if (measured == null || bound == null) {
      return Verdict.NOT_MEASURED;
    }
    boolean met = op.equals("<=") ? measured <= bound : measured >= bound;

    return met ? Verdict.MET : Verdict.NOT_MET;
  }
}
