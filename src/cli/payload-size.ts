import { Option } from "commander";
import { PAYLOAD_SIZES, type PayloadSize } from "../generate/valid/options.js";
import { UsageError } from "../schema/errors.js";

/** `--size`: the payload size scale (fast-check's names), shared by `conform fuzz` and `conform sample`. */
export function sizeOption(): Option {
  return new Option("--size <size>", `payload size: ${PAYLOAD_SIZES.join(", ")} (nesting depth, array lengths, optional and extra keys grow together)`).argParser(parseSize);
}

/** `--fill`: the bias knob over optional properties and array lengths. */
export function fillOption(): Option {
  return new Option("--fill <0..1>", "share of optional properties present, and how far array lengths lean to their longest (0: only what is required)").argParser(parseFill);
}

export function parseSize(value: string): PayloadSize {
  if (!(PAYLOAD_SIZES as readonly string[]).includes(value)) throw new UsageError(`--size takes one of ${PAYLOAD_SIZES.join(", ")}, got "${value}"`);
  return value as PayloadSize;
}

export function parseFill(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--fill takes a number from 0 to 1, got "${value}"`);
  return n;
}
