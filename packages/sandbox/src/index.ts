/** @module @boxafe-connect/sandbox */
export {};
