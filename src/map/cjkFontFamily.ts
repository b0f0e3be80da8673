/** Fonts that draw Chinese on the machines the app runs on: map labels (localIdeographFontFamily) and exported images. */
export const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
