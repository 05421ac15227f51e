import { isRtl, resolveLocale, SUPPORTED_LOCALES, type SupportedLocale } from '../src/i18n/locale.js';

/**
 * The customer-facing words of the sandbox's own pages — the issuer's (3-D Secure ACS) page, the
 * hosted checkout page and the payment link's — in every locale the widget speaks, so a customer
 * paying in Arabic is not sent through an English bank page (real issuers follow the cardholder's
 * language too). Named placeholders as in the widget's catalogues (src/i18n/catalogue.ts); the
 * developer-facing refusals (card frame misconfigured, a forged ACS post) stay English.
 */
export interface PageStrings {
  acsTitle: string;
  acsIssuer: string;
  /** `{merchant}`. */
  acsMerchant: string;
  /** `{last4}`. */
  acsCard: string;
  acsComplete: string;
  acsFail: string;
  acsAuthenticated: string;
  acsFailed: string;
  acsNotPending: string;
  acsClose: string;
  acsUnknownTitle: string;
  acsUnknown: string;
  /** `{merchant}`. */
  hostedTitle: string;
  /** `{merchant}`: the link back to the store (its arrow points back in the reading direction). */
  hostedCancel: string;
  hostedTestMode: string;
  /** `{command}`: shown until the widget mounts; names the build command if it never does. */
  hostedLoading: string;
  invalidTitle: string;
  invalidText: string;
  completeTitle: string;
  completeText: string;
  endedTitle: string;
  endedText: string;
  returnToStore: string;
  loadFailedTitle: string;
  loadFailedText: string;
  checkoutNotFoundTitle: string;
  checkoutNotFound: string;
  linkNotFoundTitle: string;
  linkNotFound: string;
}

const en: PageStrings = {
  acsTitle: '3-D Secure test authentication',
  acsIssuer: 'XPay sandbox issuer — no real bank is contacted.',
  acsMerchant: 'Merchant: {merchant}',
  acsCard: 'Card ending in {last4}',
  acsComplete: 'Complete authentication',
  acsFail: 'Fail authentication',
  acsAuthenticated: 'Authentication complete.',
  acsFailed: 'Authentication failed.',
  acsNotPending: 'This authentication is no longer pending.',
  acsClose: 'You can close this window.',
  acsUnknownTitle: 'Unknown authentication',
  acsUnknown: 'This 3-D Secure challenge does not exist.',
  hostedTitle: 'Pay {merchant}',
  hostedCancel: '← Cancel and return to {merchant}',
  hostedTestMode: 'Test mode — XPay sandbox hosted checkout.',
  hostedLoading: "Loading the checkout… If this stays, the sandbox's widget bundle is missing: run {command}.",
  invalidTitle: 'This checkout link is incomplete',
  invalidText: 'Open the checkout again from the store: the address you followed is missing its key.',
  completeTitle: 'This checkout is complete',
  completeText: 'Your payment was received.',
  endedTitle: 'This checkout has ended',
  endedText: 'Nothing was charged. Return to the store to start again.',
  returnToStore: 'Return to the store',
  loadFailedTitle: 'The checkout could not be loaded',
  loadFailedText: 'Check your connection, then reload this page.',
  checkoutNotFoundTitle: 'Checkout not found',
  checkoutNotFound: 'This checkout session does not exist.',
  linkNotFoundTitle: 'Payment link not found',
  linkNotFound: 'This payment link does not exist.',
};

/** Every locale's page strings (English is the source; the unit test holds the others to it). */
export const PAGE_STRINGS: Record<SupportedLocale, PageStrings> = {
  en,
  de: {
    acsTitle: '3-D-Secure-Testbestätigung',
    acsIssuer: 'Test-Kartenherausgeber der XPay-Sandbox – es wird keine echte Bank kontaktiert.',
    acsMerchant: 'Händler: {merchant}',
    acsCard: 'Karte mit Endziffern {last4}',
    acsComplete: 'Bestätigung abschließen',
    acsFail: 'Bestätigung fehlschlagen lassen',
    acsAuthenticated: 'Bestätigung abgeschlossen.',
    acsFailed: 'Bestätigung fehlgeschlagen.',
    acsNotPending: 'Diese Bestätigung ist nicht mehr offen.',
    acsClose: 'Sie können dieses Fenster schließen.',
    acsUnknownTitle: 'Unbekannte Bestätigung',
    acsUnknown: 'Diese 3-D-Secure-Bestätigung gibt es nicht.',
    hostedTitle: '{merchant} bezahlen',
    hostedCancel: '← Abbrechen und zurück zu {merchant}',
    hostedTestMode: 'Testmodus – gehosteter Bezahlvorgang der XPay-Sandbox.',
    hostedLoading: 'Bezahlvorgang wird geladen … Bleibt dieser Hinweis stehen, fehlt das Widget der Sandbox: Führen Sie {command} aus.',
    invalidTitle: 'Dieser Bezahllink ist unvollständig',
    invalidText: 'Öffnen Sie den Bezahlvorgang erneut im Shop: Der aufgerufenen Adresse fehlt ihr Schlüssel.',
    completeTitle: 'Dieser Bezahlvorgang ist abgeschlossen',
    completeText: 'Ihre Zahlung ist eingegangen.',
    endedTitle: 'Dieser Bezahlvorgang ist beendet',
    endedText: 'Es wurde nichts abgebucht. Starten Sie bitte im Shop neu.',
    returnToStore: 'Zurück zum Shop',
    loadFailedTitle: 'Der Bezahlvorgang konnte nicht geladen werden',
    loadFailedText: 'Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.',
    checkoutNotFoundTitle: 'Bezahlvorgang nicht gefunden',
    checkoutNotFound: 'Diesen Bezahlvorgang gibt es nicht.',
    linkNotFoundTitle: 'Zahlungslink nicht gefunden',
    linkNotFound: 'Diesen Zahlungslink gibt es nicht.',
  },
  fr: {
    acsTitle: 'Authentification 3-D Secure de test',
    acsIssuer: 'Émetteur de test du bac à sable XPay — aucune vraie banque n’est contactée.',
    acsMerchant: 'Marchand : {merchant}',
    acsCard: 'Carte se terminant par {last4}',
    acsComplete: 'Valider l’authentification',
    acsFail: 'Faire échouer l’authentification',
    acsAuthenticated: 'Authentification réussie.',
    acsFailed: 'Échec de l’authentification.',
    acsNotPending: 'Cette authentification n’est plus en attente.',
    acsClose: 'Vous pouvez fermer cette fenêtre.',
    acsUnknownTitle: 'Authentification inconnue',
    acsUnknown: 'Cette authentification 3-D Secure n’existe pas.',
    hostedTitle: 'Payer {merchant}',
    hostedCancel: '← Annuler et revenir à {merchant}',
    hostedTestMode: 'Mode test — page de paiement hébergée du bac à sable XPay.',
    hostedLoading: 'Chargement du paiement… Si ce message reste affiché, le widget du bac à sable est absent : lancez {command}.',
    invalidTitle: 'Ce lien de paiement est incomplet',
    invalidText: 'Rouvrez le paiement depuis la boutique : il manque la clé à l’adresse suivie.',
    completeTitle: 'Ce paiement est terminé',
    completeText: 'Votre paiement a bien été reçu.',
    endedTitle: 'Ce paiement a pris fin',
    endedText: 'Vous n’avez pas été débité. Retournez sur la boutique pour recommencer.',
    returnToStore: 'Retour à la boutique',
    loadFailedTitle: 'Le paiement n’a pas pu être chargé',
    loadFailedText: 'Vérifiez votre connexion, puis rechargez la page.',
    checkoutNotFoundTitle: 'Paiement introuvable',
    checkoutNotFound: 'Cette session de paiement n’existe pas.',
    linkNotFoundTitle: 'Lien de paiement introuvable',
    linkNotFound: 'Ce lien de paiement n’existe pas.',
  },
  es: {
    acsTitle: 'Autenticación 3-D Secure de prueba',
    acsIssuer: 'Emisor de prueba del sandbox de XPay: no se contacta con ningún banco real.',
    acsMerchant: 'Comercio: {merchant}',
    acsCard: 'Tarjeta terminada en {last4}',
    acsComplete: 'Completar la autenticación',
    acsFail: 'Hacer fallar la autenticación',
    acsAuthenticated: 'Autenticación completada.',
    acsFailed: 'La autenticación ha fallado.',
    acsNotPending: 'Esta autenticación ya no está pendiente.',
    acsClose: 'Puedes cerrar esta ventana.',
    acsUnknownTitle: 'Autenticación desconocida',
    acsUnknown: 'Esta autenticación 3-D Secure no existe.',
    hostedTitle: 'Pagar a {merchant}',
    hostedCancel: '← Cancelar y volver a {merchant}',
    hostedTestMode: 'Modo de prueba: página de pago alojada del sandbox de XPay.',
    hostedLoading: 'Cargando el pago… Si esto no cambia, falta el widget del sandbox: ejecuta {command}.',
    invalidTitle: 'Este enlace de pago está incompleto',
    invalidText: 'Vuelve a abrir el pago desde la tienda: a la dirección que has seguido le falta su clave.',
    completeTitle: 'Este pago está completado',
    completeText: 'Hemos recibido tu pago.',
    endedTitle: 'Este pago ha terminado',
    endedText: 'No se te ha cobrado nada. Vuelve a la tienda para empezar de nuevo.',
    returnToStore: 'Volver a la tienda',
    loadFailedTitle: 'No se ha podido cargar el pago',
    loadFailedText: 'Comprueba tu conexión y vuelve a cargar la página.',
    checkoutNotFoundTitle: 'Pago no encontrado',
    checkoutNotFound: 'Esta sesión de pago no existe.',
    linkNotFoundTitle: 'Enlace de pago no encontrado',
    linkNotFound: 'Este enlace de pago no existe.',
  },
  it: {
    acsTitle: 'Autenticazione 3-D Secure di prova',
    acsIssuer: 'Emittente di prova della sandbox XPay: nessuna banca reale viene contattata.',
    acsMerchant: 'Esercente: {merchant}',
    acsCard: 'Carta che termina con {last4}',
    acsComplete: 'Completa l’autenticazione',
    acsFail: 'Fai fallire l’autenticazione',
    acsAuthenticated: 'Autenticazione completata.',
    acsFailed: 'Autenticazione non riuscita.',
    acsNotPending: 'Questa autenticazione non è più in sospeso.',
    acsClose: 'Puoi chiudere questa finestra.',
    acsUnknownTitle: 'Autenticazione sconosciuta',
    acsUnknown: 'Questa autenticazione 3-D Secure non esiste.',
    hostedTitle: 'Paga {merchant}',
    hostedCancel: '← Annulla e torna a {merchant}',
    hostedTestMode: 'Modalità test: pagina di pagamento ospitata della sandbox XPay.',
    hostedLoading: 'Caricamento del pagamento… Se resta così, manca il widget della sandbox: esegui {command}.',
    invalidTitle: 'Questo link di pagamento è incompleto',
    invalidText: 'Riapri il pagamento dal negozio: all’indirizzo che hai seguito manca la sua chiave.',
    completeTitle: 'Questo pagamento è completato',
    completeText: 'Abbiamo ricevuto il tuo pagamento.',
    endedTitle: 'Questo pagamento è terminato',
    endedText: 'Non ti è stato addebitato nulla. Torna al negozio per ricominciare.',
    returnToStore: 'Torna al negozio',
    loadFailedTitle: 'Impossibile caricare il pagamento',
    loadFailedText: 'Controlla la connessione, poi ricarica la pagina.',
    checkoutNotFoundTitle: 'Pagamento non trovato',
    checkoutNotFound: 'Questa sessione di pagamento non esiste.',
    linkNotFoundTitle: 'Link di pagamento non trovato',
    linkNotFound: 'Questo link di pagamento non esiste.',
  },
  nl: {
    acsTitle: '3-D Secure-testverificatie',
    acsIssuer: 'Testuitgever van de XPay-sandbox — er wordt geen echte bank benaderd.',
    acsMerchant: 'Winkel: {merchant}',
    acsCard: 'Kaart eindigend op {last4}',
    acsComplete: 'Verificatie voltooien',
    acsFail: 'Verificatie laten mislukken',
    acsAuthenticated: 'Verificatie voltooid.',
    acsFailed: 'Verificatie mislukt.',
    acsNotPending: 'Deze verificatie staat niet meer open.',
    acsClose: 'Je kunt dit venster sluiten.',
    acsUnknownTitle: 'Onbekende verificatie',
    acsUnknown: 'Deze 3-D Secure-verificatie bestaat niet.',
    hostedTitle: 'Betaal {merchant}',
    hostedCancel: '← Annuleren en terug naar {merchant}',
    hostedTestMode: 'Testmodus — gehoste betaalpagina van de XPay-sandbox.',
    hostedLoading: 'Betaling laden… Blijft dit staan, dan ontbreekt de widget van de sandbox: voer {command} uit.',
    invalidTitle: 'Deze betaallink is onvolledig',
    invalidText: 'Open de betaling opnieuw vanuit de winkel: het gevolgde adres mist zijn sleutel.',
    completeTitle: 'Deze betaling is afgerond',
    completeText: 'Je betaling is ontvangen.',
    endedTitle: 'Deze betaling is beëindigd',
    endedText: 'Er is niets afgeschreven. Ga terug naar de winkel om opnieuw te beginnen.',
    returnToStore: 'Terug naar de winkel',
    loadFailedTitle: 'De betaling kon niet worden geladen',
    loadFailedText: 'Controleer je verbinding en laad de pagina opnieuw.',
    checkoutNotFoundTitle: 'Betaling niet gevonden',
    checkoutNotFound: 'Deze betaalsessie bestaat niet.',
    linkNotFoundTitle: 'Betaallink niet gevonden',
    linkNotFound: 'Deze betaallink bestaat niet.',
  },
  'pt-BR': {
    acsTitle: 'Autenticação 3-D Secure de teste',
    acsIssuer: 'Emissor de teste do sandbox da XPay — nenhum banco real é contatado.',
    acsMerchant: 'Loja: {merchant}',
    acsCard: 'Cartão final {last4}',
    acsComplete: 'Concluir autenticação',
    acsFail: 'Falhar autenticação',
    acsAuthenticated: 'Autenticação concluída.',
    acsFailed: 'A autenticação falhou.',
    acsNotPending: 'Esta autenticação não está mais pendente.',
    acsClose: 'Você já pode fechar esta janela.',
    acsUnknownTitle: 'Autenticação desconhecida',
    acsUnknown: 'Esta autenticação 3-D Secure não existe.',
    hostedTitle: 'Pagar {merchant}',
    hostedCancel: '← Cancelar e voltar para {merchant}',
    hostedTestMode: 'Modo de teste — página de pagamento hospedada do sandbox da XPay.',
    hostedLoading: 'Carregando o pagamento… Se isto não mudar, falta o widget do sandbox: execute {command}.',
    invalidTitle: 'Este link de pagamento está incompleto',
    invalidText: 'Abra o pagamento de novo pela loja: falta a chave no endereço que você seguiu.',
    completeTitle: 'Este pagamento foi concluído',
    completeText: 'Recebemos seu pagamento.',
    endedTitle: 'Este pagamento foi encerrado',
    endedText: 'Nada foi cobrado. Volte à loja para começar de novo.',
    returnToStore: 'Voltar à loja',
    loadFailedTitle: 'Não foi possível carregar o pagamento',
    loadFailedText: 'Verifique sua conexão e recarregue a página.',
    checkoutNotFoundTitle: 'Pagamento não encontrado',
    checkoutNotFound: 'Esta sessão de pagamento não existe.',
    linkNotFoundTitle: 'Link de pagamento não encontrado',
    linkNotFound: 'Este link de pagamento não existe.',
  },
  pl: {
    acsTitle: 'Testowe uwierzytelnienie 3-D Secure',
    acsIssuer: 'Testowy wydawca karty w piaskownicy XPay — żaden prawdziwy bank nie bierze udziału.',
    acsMerchant: 'Sprzedawca: {merchant}',
    acsCard: 'Karta z końcówką {last4}',
    acsComplete: 'Zakończ uwierzytelnienie',
    acsFail: 'Odrzuć uwierzytelnienie',
    acsAuthenticated: 'Uwierzytelnienie zakończone.',
    acsFailed: 'Uwierzytelnienie nie powiodło się.',
    acsNotPending: 'To uwierzytelnienie nie jest już w toku.',
    acsClose: 'Możesz zamknąć to okno.',
    acsUnknownTitle: 'Nieznane uwierzytelnienie',
    acsUnknown: 'To uwierzytelnienie 3-D Secure nie istnieje.',
    hostedTitle: 'Zapłać: {merchant}',
    hostedCancel: '← Anuluj i wróć do: {merchant}',
    hostedTestMode: 'Tryb testowy — strona płatności piaskownicy XPay.',
    hostedLoading: 'Wczytywanie płatności… Jeśli to się nie zmienia, brakuje widżetu piaskownicy: uruchom {command}.',
    invalidTitle: 'Ten link do płatności jest niepełny',
    invalidText: 'Otwórz płatność ponownie ze sklepu: w otwartym adresie brakuje klucza.',
    completeTitle: 'Ta płatność została zakończona',
    completeText: 'Otrzymaliśmy Twoją płatność.',
    endedTitle: 'Ta płatność wygasła',
    endedText: 'Nie pobrano żadnych środków. Wróć do sklepu, aby zacząć od nowa.',
    returnToStore: 'Wróć do sklepu',
    loadFailedTitle: 'Nie udało się wczytać płatności',
    loadFailedText: 'Sprawdź połączenie, a potem odśwież stronę.',
    checkoutNotFoundTitle: 'Nie znaleziono płatności',
    checkoutNotFound: 'Ta sesja płatności nie istnieje.',
    linkNotFoundTitle: 'Nie znaleziono linku do płatności',
    linkNotFound: 'Ten link do płatności nie istnieje.',
  },
  sv: {
    acsTitle: 'Testverifiering med 3-D Secure',
    acsIssuer: 'Testutgivare i XPay-sandlådan – ingen riktig bank kontaktas.',
    acsMerchant: 'Butik: {merchant}',
    acsCard: 'Kort som slutar på {last4}',
    acsComplete: 'Slutför verifieringen',
    acsFail: 'Låt verifieringen misslyckas',
    acsAuthenticated: 'Verifieringen är klar.',
    acsFailed: 'Verifieringen misslyckades.',
    acsNotPending: 'Den här verifieringen väntar inte längre.',
    acsClose: 'Du kan stänga det här fönstret.',
    acsUnknownTitle: 'Okänd verifiering',
    acsUnknown: 'Den här 3-D Secure-verifieringen finns inte.',
    hostedTitle: 'Betala {merchant}',
    hostedCancel: '← Avbryt och gå tillbaka till {merchant}',
    hostedTestMode: 'Testläge – värdbaserad kassa i XPay-sandlådan.',
    hostedLoading: 'Laddar kassan… Om det står kvar saknas sandlådans widget: kör {command}.',
    invalidTitle: 'Den här betallänken är ofullständig',
    invalidText: 'Öppna kassan igen från butiken: adressen du följde saknar sin nyckel.',
    completeTitle: 'Den här betalningen är klar',
    completeText: 'Vi har tagit emot din betalning.',
    endedTitle: 'Den här kassan har stängts',
    endedText: 'Inget har dragits. Gå tillbaka till butiken och börja om.',
    returnToStore: 'Tillbaka till butiken',
    loadFailedTitle: 'Kassan kunde inte laddas',
    loadFailedText: 'Kontrollera anslutningen och ladda sedan om sidan.',
    checkoutNotFoundTitle: 'Kassan hittades inte',
    checkoutNotFound: 'Den här betalsessionen finns inte.',
    linkNotFoundTitle: 'Betallänken hittades inte',
    linkNotFound: 'Den här betallänken finns inte.',
  },
  ja: {
    acsTitle: '3Dセキュア テスト認証',
    acsIssuer: 'XPay サンドボックスのテスト用カード会社です。実際の銀行には接続しません。',
    acsMerchant: '加盟店：{merchant}',
    acsCard: '末尾 {last4} のカード',
    acsComplete: '認証を完了する',
    acsFail: '認証を失敗させる',
    acsAuthenticated: '認証が完了しました。',
    acsFailed: '認証に失敗しました。',
    acsNotPending: 'この認証はすでに終了しています。',
    acsClose: 'このウィンドウは閉じてかまいません。',
    acsUnknownTitle: '不明な認証',
    acsUnknown: 'この3Dセキュア認証は存在しません。',
    hostedTitle: '{merchant}へのお支払い',
    hostedCancel: '← キャンセルして{merchant}に戻る',
    hostedTestMode: 'テストモード：XPay サンドボックスのホスト型決済ページです。',
    hostedLoading: 'お支払い画面を読み込んでいます… この表示が消えない場合は、サンドボックスのウィジェットがありません。{command} を実行してください。',
    invalidTitle: 'この決済リンクは不完全です',
    invalidText: 'ストアからもう一度お支払い画面を開いてください。開いたアドレスにキーが含まれていません。',
    completeTitle: 'このお支払いは完了しています',
    completeText: 'お支払いを受け付けました。',
    endedTitle: 'このお支払いは終了しました',
    endedText: '請求は発生していません。ストアに戻って最初からやり直してください。',
    returnToStore: 'ストアに戻る',
    loadFailedTitle: 'お支払い画面を読み込めませんでした',
    loadFailedText: '通信環境をご確認のうえ、ページを再読み込みしてください。',
    checkoutNotFoundTitle: 'お支払いが見つかりません',
    checkoutNotFound: 'この決済セッションは存在しません。',
    linkNotFoundTitle: '決済リンクが見つかりません',
    linkNotFound: 'この決済リンクは存在しません。',
  },
  'zh-Hans': {
    acsTitle: '3-D Secure 测试验证',
    acsIssuer: 'XPay 沙盒测试发卡行，不会联系任何真实银行。',
    acsMerchant: '商家：{merchant}',
    acsCard: '尾号 {last4} 的银行卡',
    acsComplete: '完成验证',
    acsFail: '验证失败',
    acsAuthenticated: '验证已完成。',
    acsFailed: '验证失败。',
    acsNotPending: '此验证已结束。',
    acsClose: '您可以关闭此窗口。',
    acsUnknownTitle: '未知的验证',
    acsUnknown: '此 3-D Secure 验证不存在。',
    hostedTitle: '向{merchant}付款',
    hostedCancel: '← 取消并返回{merchant}',
    hostedTestMode: '测试模式：XPay 沙盒托管结账页面。',
    hostedLoading: '正在加载结账页面… 如果一直停留在此，说明沙盒缺少支付组件：请运行 {command}。',
    invalidTitle: '此付款链接不完整',
    invalidText: '请从商店重新打开结账页面：您访问的地址缺少密钥。',
    completeTitle: '此订单已完成付款',
    completeText: '我们已收到您的付款。',
    endedTitle: '此结账已结束',
    endedText: '您未被扣款。请返回商店重新下单。',
    returnToStore: '返回商店',
    loadFailedTitle: '无法加载结账页面',
    loadFailedText: '请检查网络连接，然后刷新此页面。',
    checkoutNotFoundTitle: '未找到结账',
    checkoutNotFound: '此结账会话不存在。',
    linkNotFoundTitle: '未找到付款链接',
    linkNotFound: '此付款链接不存在。',
  },
  ar: {
    acsTitle: 'مصادقة 3-D Secure تجريبية',
    acsIssuer: 'جهة إصدار تجريبية في بيئة XPay التجريبية — لا يتم التواصل مع أي بنك حقيقي.',
    acsMerchant: 'التاجر: {merchant}',
    acsCard: 'البطاقة المنتهية بـ {last4}',
    acsComplete: 'إتمام المصادقة',
    acsFail: 'إفشال المصادقة',
    acsAuthenticated: 'تمت المصادقة.',
    acsFailed: 'فشلت المصادقة.',
    acsNotPending: 'لم تعد هذه المصادقة قيد الانتظار.',
    acsClose: 'يمكنك إغلاق هذه النافذة.',
    acsUnknownTitle: 'مصادقة غير معروفة',
    acsUnknown: 'مصادقة 3-D Secure هذه غير موجودة.',
    hostedTitle: 'الدفع إلى {merchant}',
    hostedCancel: '→ إلغاء والعودة إلى {merchant}',
    hostedTestMode: 'وضع الاختبار — صفحة دفع مستضافة في بيئة XPay التجريبية.',
    hostedLoading: 'جارٍ تحميل صفحة الدفع… إذا بقيت هذه الرسالة، فأداة البيئة التجريبية غير موجودة: شغّل {command}.',
    invalidTitle: 'رابط الدفع هذا غير مكتمل',
    invalidText: 'افتح صفحة الدفع مجددًا من المتجر: العنوان الذي اتبعته ينقصه مفتاحه.',
    completeTitle: 'اكتمل الدفع',
    completeText: 'تم استلام دفعتك.',
    endedTitle: 'انتهت صفحة الدفع هذه',
    endedText: 'لم يُخصم أي مبلغ. ارجع إلى المتجر لتبدأ من جديد.',
    returnToStore: 'العودة إلى المتجر',
    loadFailedTitle: 'تعذّر تحميل صفحة الدفع',
    loadFailedText: 'تحقّق من اتصالك، ثم أعد تحميل هذه الصفحة.',
    checkoutNotFoundTitle: 'عملية الدفع غير موجودة',
    checkoutNotFound: 'جلسة الدفع هذه غير موجودة.',
    linkNotFoundTitle: 'رابط الدفع غير موجود',
    linkNotFound: 'رابط الدفع هذا غير موجود.',
  },
};

/**
 * The tags of an `Accept-Language` header, most wanted first (RFC 9110 §12.5.4): `q=0` and `*` are
 * dropped, ties keep their order. Garbage yields fewer tags, never an error.
 */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0 && /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(t.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.tag);
}

/**
 * The locale of a sandbox page: the one asked for (the issuer page's `locale` query parameter, the
 * session's `locale`), else the browser's `Accept-Language`, else English.
 */
export function pageLocale(requested: string | null | undefined, acceptLanguage: string | undefined): SupportedLocale {
  return resolveLocale(requested, undefined, acceptLanguageTags(acceptLanguage), SUPPORTED_LOCALES) as SupportedLocale;
}

/** `lang` and `dir` for a page's `<html>` element. */
export function htmlLangDir(locale: SupportedLocale): string {
  return `lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"`;
}
