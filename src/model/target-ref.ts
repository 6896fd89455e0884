/** Which target a finding or a summary is about: its file, its pointer in that file, and its absolute URI. */
export interface TargetRef {
  file: string;
  pointer: string;
  uri: string;
}
