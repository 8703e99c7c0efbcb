package io.newsframe.sample;

import java.util.List;
import java.util.Map;

/**
 * The words of the sample: topics with their headlines and sentences, and each camp's framing,
 * actors and quotes. Slots in braces are filled by {@link ArticleWriter}: {RU} and {US} are an
 * official with title, {RUS} and {USS} a surname, {UA} the capital as the camp writes it, {WAR}
 * the camp's name for the war, {CITY}, {NUM}, {MONTH}.
 */
final class Lexicon {
  private Lexicon() {}

  /** A subject the articles are about. */
  record Topic(String key, List<String> headlines, List<String> sentences) {}

  static final List<Topic> TOPICS = List.of(
      new Topic("summit", List.of(
          "Putin and Biden to hold talks in {CITY}",
          "Kremlin says summit with Washington could ease tensions",
          "Biden said he expects progress in negotiations with Russia",
          "Kremlin views Putin-Biden video summit positively",
          "Relations and dialogue with the United States should continue, Russia says"),
          List.of(
              "The two presidents spoke for {NUM} minutes in a video call arranged by their aides.",
              "{RU} said the summit in {CITY} would allow the leaders to clarify their differences.",
              "Both sides described the talks as frank and businesslike, with no breakthrough expected.",
              "Aides are preparing a joint statement on strategic stability ahead of the meeting.",
              "The leaders agreed to return their ambassadors to Moscow and Washington.",
              "A new round of consultations between the foreign ministries is planned for {MONTH}.",
              "Observers said the meeting in {CITY} was the first face-to-face summit in years.",
              "The agenda includes cybersecurity, prisoner exchanges and the situation around {UA}.",
              "{US} told reporters that diplomacy remained the preferred path.",
              "The Kremlin said a telephone conversation between the presidents lasted {NUM} minutes.")),
      new Topic("sanctions", List.of(
          "Washington announces new sanctions against Russian banks",
          "Kremlin vows response to fresh U.S. sanctions",
          "EU and U.S. expand export controls on Russia",
          "Sanctions target Russian oligarchs and their yachts"),
          List.of(
              "The Treasury Department added {NUM} Russian companies and individuals to its sanctions list.",
              "The measures freeze assets of major banks and restrict access to the dollar.",
              "Export controls will cut Russia off from advanced semiconductors and aircraft parts.",
              "Officials said the sanctions were coordinated with the European Union and Britain.",
              "The central bank's foreign reserves were frozen, and the rouble fell sharply.",
              "{RU} said Moscow would respond to the restrictions in a measured way.",
              "Several oligarchs close to the Kremlin saw their yachts and villas seized.",
              "Economists expect the sanctions to shrink the Russian economy by {NUM} percent.",
              "The price cap on Russian oil is meant to reduce revenues without disrupting markets.")),
      new Topic("ukraine", List.of(
          "Fighting intensifies in eastern Ukraine",
          "Shelling reported near {UA} as troops advance",
          "Russia and Ukraine trade accusations over attack",
          "Troops massing near the border raise alarm"),
          List.of(
              "Artillery fire was reported overnight in the Donetsk and Luhansk regions.",
              "Satellite images show tanks and armoured vehicles massing near the border.",
              "Air raid sirens sounded in {UA} and several other cities on {MONTH} mornings.",
              "Officials said {NUM} civilians had been evacuated from the frontline towns.",
              "The defence ministry reported that troops had taken control of several villages.",
              "Drones struck fuel depots and power stations, leaving thousands without electricity.",
              "The grain corridor through the Black Sea allowed ships to leave Odesa.",
              "Prisoners of war were exchanged with the help of mediators from Turkey.",
              "The situation around the Zaporizhzhia nuclear plant worried inspectors.")),
      new Topic("nato", List.of(
          "NATO to boost presence on its eastern flank",
          "Moscow warns against NATO expansion",
          "Finland and Sweden move closer to NATO membership",
          "Alliance exercises in the Black Sea draw Russian protest"),
          List.of(
              "The alliance will deploy {NUM} more troops to Poland and the Baltic states.",
              "Finland and Sweden applied for membership of the alliance after decades of neutrality.",
              "Moscow demanded legal guarantees that the alliance would not expand further east.",
              "Warships from several member states took part in exercises in the Black Sea.",
              "{RU} said the build-up of military activity near Russian borders was a threat.",
              "The Russia-NATO Council met in Brussels for the first time in two years.",
              "Allied leaders agreed to raise defence spending to two percent of their economies.",
              "Air policing missions over the Baltic were reinforced with additional fighter jets.")),
      new Topic("arms", List.of(
          "U.S. and Russia extend New START treaty",
          "Arms control talks resume in {CITY}",
          "Kremlin suspends participation in nuclear treaty inspections"),
          List.of(
              "The New START treaty limits each side to 1,550 deployed strategic warheads.",
              "Negotiators discussed verification, inspections and missile defence.",
              "{RU} said extending the treaty for five years was the best option.",
              "The two countries hold the vast majority of the world's nuclear weapons.",
              "Experts warned that the collapse of arms control would fuel a new arms race.",
              "Inspections under the treaty had been paused since the pandemic.",
              "The strategic stability dialogue is meant to lay the ground for a future agreement.",
              "Hypersonic missiles and intermediate-range weapons were also on the agenda.")),
      new Topic("diplomats", List.of(
          "Moscow expels U.S. diplomats in tit-for-tat move",
          "Russia summons U.S. ambassador over embassy statement",
          "Embassies cut staff as diplomatic row deepens"),
          List.of(
              "The foreign ministry summoned the ambassador to protest against interference in internal affairs.",
              "{NUM} diplomats were declared persona non grata and given days to leave the country.",
              "Consular services were suspended, and visas became almost impossible to obtain.",
              "The embassy had published the time and place of demonstrations on its website.",
              "Both countries recalled their ambassadors for consultations.",
              "Moscow proposed to lift all restrictions on the work of diplomatic missions.",
              "The row over diplomatic property dates back several years.",
              "{US} said the expulsions were unjustified and would be answered.")),
      new Topic("energy", List.of(
          "Gas flows through Nord Stream cut again",
          "Europe scrambles for gas as Russian supplies dwindle",
          "Oil price cap takes effect"),
          List.of(
              "Gas deliveries through the Nord Stream pipeline fell to {NUM} percent of capacity.",
              "Gazprom blamed a turbine that had been sent to Canada for maintenance.",
              "European governments filled storage facilities ahead of the winter.",
              "Liquefied natural gas from the United States replaced part of the pipeline supplies.",
              "Energy prices in Europe reached record highs, pushing inflation up.",
              "Explosions damaged the pipelines under the Baltic Sea in September.",
              "{RU} said Russia had always been a reliable supplier of energy.",
              "Germany approved floating terminals to import liquefied gas.")),
      new Topic("cyber", List.of(
          "U.S. accuses Russia of election interference",
          "Hackers target U.S. agencies in software supply attack",
          "Intelligence report says Putin oversaw influence campaign"),
          List.of(
              "The intelligence report concluded that influence operations targeted the presidential election.",
              "Investigators traced the intrusion to a software update used by thousands of companies.",
              "Ransomware attacks disrupted a fuel pipeline and a meat producer.",
              "{RU} denied any involvement in the cyberattacks.",
              "The administration expelled intelligence officers and imposed sanctions over the hacking.",
              "Social media companies removed networks of fake accounts linked to the campaign.",
              "Experts said the attribution rested on technical evidence and intelligence sources.",
              "Both sides agreed to set up expert consultations on cybersecurity.")));

  /** Officials of each camp's side, with title, and the name used on later mention. */
  record Official(String full, String surname) {}

  static final List<Official> RUSSIAN = List.of(
      new Official("Kremlin spokesman Dmitry Peskov", "Peskov"),
      new Official("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
      new Official("Foreign Ministry spokeswoman Maria Zakharova", "Zakharova"),
      new Official("Russian President Vladimir Putin", "Putin"),
      new Official("Presidential aide Yuri Ushakov", "Ushakov"));

  static final List<Official> AMERICAN = List.of(
      new Official("U.S. Secretary of State Antony Blinken", "Blinken"),
      new Official("White House press secretary Jen Psaki", "Psaki"),
      new Official("U.S. President Joe Biden", "Biden"),
      new Official("National Security Adviser Jake Sullivan", "Sullivan"),
      new Official("NATO Secretary General Jens Stoltenberg", "Stoltenberg"));

  static final List<String> CITIES = List.of("Geneva", "Vienna", "Helsinki", "Istanbul", "Brussels");

  /** Each camp's spelling of the capital and name of the war. */
  static final Map<Camp, List<String>> CAPITAL = Map.of(
      Camp.EAST, List.of("Kiev"), Camp.WEST, List.of("Kyiv"));

  static final Map<Camp, List<String>> WAR = Map.of(
      Camp.EAST, List.of("the special military operation", "the special operation in Donbass"),
      Camp.WEST, List.of("Russia's invasion of Ukraine", "Russia's ongoing war in Ukraine", "the war in Ukraine"));

  /** Sentences that carry a camp's framing: voice, loaded terms, scare quotes, cooperation or conflict. */
  static final Map<Camp, List<String>> FRAMING = Map.of(
      Camp.EAST, List.of(
          "{RU} said that Russia is ready to engage in dialogue with Washington on the basis of mutual respect.",
          "The United States and its allies accuse Russia of preparing an “invasion” of Ukraine, claims Moscow calls absurd.",
          "Statements about “Russian aggression” are used as an excuse to deploy more NATO equipment near Russian borders, {RUS} noted.",
          "According to {RUS}, the Kiev regime continues to shell the peaceful towns of Donbass.",
          "The so-called sanctions are illegal and hurt ordinary Europeans most of all, {RUS} stressed.",
          "Moscow launched {WAR} to protect the people of Donbass, the Kremlin said.",
          "“We are always open to dialogue, but our security interests must be respected,” {RUS} said.",
          "{RUS} added that cooperation between the world's largest nuclear powers should be based on mutual benefit.",
          "The Russian Foreign Ministry previously noted that Western claims of an “imminent attack” were groundless.",
          "Moscow hopes for constructive talks and a reduction of tensions, {RUS} said."),
      Camp.WEST, List.of(
          "{US} said the United States stands with the people of Ukraine against Russian aggression.",
          "{WAR_CAP} has killed thousands of civilians and forced millions from their homes.",
          "Kyiv has urged its allies to send more air defence systems and long-range weapons.",
          "The Kremlin offered no evidence for its claims, which could not be independently verified.",
          "{USS} warned that Moscow would pay a heavy price for its unprovoked attack.",
          "Ukrainian President Volodymyr Zelensky called for tougher sanctions to punish Moscow.",
          "“Russia must end this brutal war and withdraw its troops,” {USS} said.",
          "Critics say Kremlin propaganda spreads disinformation to justify the invasion.",
          "The alliance condemned the threats and said it would defend every inch of allied territory.",
          "Western officials accused Moscow of war crimes in occupied towns near Kyiv."));

  /** Lines a scraper picks up inside the body: bylines, captions, share prompts. */
  static final List<String> INLINE_CHROME = List.of(
      "Photo: Reuters", "Image source, Getty Images", "Advertisement", "Read more: {HEADLINE}",
      "Share this with Facebook", "Click here to subscribe to our newsletter");
}
