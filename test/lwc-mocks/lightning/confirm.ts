/** Jest mock of `lightning/confirm`: `open` resolves true (confirmed) unless a test says otherwise. */
interface ConfirmOptions {
  message: string;
  label?: string;
  variant?: string;
  theme?: string;
}

export default class LightningConfirm {
  static open = jest.fn(async (_options: ConfirmOptions): Promise<boolean> => true);
}

export function resetConfirmMock(): void {
  LightningConfirm.open.mockReset();
  LightningConfirm.open.mockImplementation(async () => true);
}
