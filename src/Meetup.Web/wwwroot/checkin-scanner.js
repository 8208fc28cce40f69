// Camera QR scanning for the door page, where the browser has BarcodeDetector (Chrome on Android, Safari 17+).
// Optional: typing the code or searching by name works everywhere.
let stream = null;
let timer = null;

export function isSupported() {
  return "BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia;
}

export async function start(video, dotnet) {
  stop(video);
  const detector = new BarcodeDetector({ formats: ["qr_code"] });
  stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  video.srcObject = stream;
  await video.play();
  timer = setInterval(async () => {
    try {
      const codes = await detector.detect(video);
      if (codes.length > 0) {
        stop(video);
        await dotnet.invokeMethodAsync("OnScanned", codes[0].rawValue);
      }
    } catch {
      // A frame that could not be read; try the next one.
    }
  }, 250);
}

export function stop(video) {
  if (timer) { clearInterval(timer); timer = null; }
  if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
  if (video) { video.srcObject = null; }
}
